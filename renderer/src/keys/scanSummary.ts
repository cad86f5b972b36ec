import type { ScanStatus } from '../../../shared/api/keys';

/** "412,000 of ~1,000,000 keys" and friends: the honest progress line. */
export function scanSummary(status: ScanStatus | undefined): string {
  if (!status) return 'Not scanned yet';
  const n = (x: number) => x.toLocaleString('en-US');
  const of = `${n(status.keys)} of ~${n(status.dbSize)} keys`;
  switch (status.state) {
    case 'scanning':
      return `Scanning… ${of}`;
    case 'complete':
      return status.match || status.type
        ? `${n(status.keys)} keys match (of ${n(status.dbSize)} in this database)`
        : `All ${n(status.keys)} keys loaded`;
    case 'capped':
      return `Stopped at the limit of ${n(status.cap ?? status.keys)} keys — ${of}; expanding a folder loads the rest of it`;
    case 'cancelled':
      return `Scan cancelled — partial: ${of}`;
    case 'error':
      return `Scan failed: ${status.error?.message ?? 'unknown error'} — partial: ${of}`;
    default:
      return 'Not scanned yet';
  }
}
