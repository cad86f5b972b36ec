import type { ScanStatus } from '../../../shared/api/keys';
import { countOf } from '../ui/format';

/** "412,000 of ~1,000,000 keys" and friends: the honest progress line. */
export function scanSummary(status: ScanStatus | undefined): string {
  if (!status) return 'Not scanned yet';
  const n = (x: number) => x.toLocaleString('en-US');
  const of = `${n(status.keys)} of ~${countOf(status.dbSize, 'key')}`;
  switch (status.state) {
    case 'scanning':
      return `Scanning… ${of}`;
    case 'complete':
      return status.match || status.type
        ? `${countOf(status.keys, 'key matches', 'keys match')} (of ${n(status.dbSize)} in this database)`
        : status.keys === 1
          ? 'The only key is loaded'
          : `All ${n(status.keys)} keys loaded`;
    case 'capped':
      return `Stopped at the limit of ${countOf(status.cap ?? status.keys, 'key')} — ${of}; expanding a folder loads the rest of it`;
    case 'cancelled':
      return `Scan cancelled — partial: ${of}`;
    case 'error':
      return `Scan failed: ${status.error?.message ?? 'unknown error'} — partial: ${of}`;
    default:
      return 'Not scanned yet';
  }
}
