import type { ScanStatus } from '../../../shared/api/keys';

/**
 * The later of two statuses. A scan's answer (keys.scan, keys.cancelScan) carries the status as
 * it was when the call returned, and the scan's events travel separately: a quick scan can push
 * its progress and its end before the answer arrives. For the same scan (same start), the one
 * further along wins — an ended state over `scanning`, else more SCAN calls; a different scan's
 * answer always replaces.
 */
export function newerScanStatus(current: ScanStatus | undefined, answer: ScanStatus): ScanStatus {
  if (!current || current.startedAt === undefined || current.startedAt !== answer.startedAt) return answer;
  const ended = (s: ScanStatus) => s.state !== 'scanning';
  if (ended(current) !== ended(answer)) return ended(current) ? current : answer;
  return current.calls > answer.calls ? current : answer;
}
