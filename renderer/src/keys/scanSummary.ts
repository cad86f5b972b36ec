import type { ScanStatus } from '../../../shared/api/keys';
import { countOf } from '../ui/format';

/**
 * "412,000 of ~1,000,000 keys" and friends: the honest progress line. `dbKeys`: the keys in the
 * database now (see sessions/keyCounts), for "of N in this database" once the scan has ended;
 * DBSIZE as the scan started until it is known. An empty database says nothing here: the key
 * browser says "This database is empty." (one message, not two).
 */
export function scanSummary(status: ScanStatus | undefined, dbKeys?: number): string {
  if (!status) return 'Not scanned yet';
  const n = (x: number) => x.toLocaleString('en-US');
  const of = `${n(status.keys)} of ~${countOf(status.dbSize, 'key')}`;
  switch (status.state) {
    case 'scanning':
      return `Scanning… ${of}`;
    case 'complete':
      if (status.match || status.type) return `${matching(status)} (of ${n(dbKeys ?? status.dbSize)} in this database)`;
      if (status.keys === 0) return '';
      return status.keys === 1 ? 'The only key is loaded' : `All ${n(status.keys)} keys loaded`;
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

/** "3 keys match “user:*” of type hash": the result and the search it is the result of. */
function matching({ keys, match, type }: ScanStatus): string {
  const pattern = match ? ` “${match}”` : '';
  const ofType = type ? ` of type ${type}` : '';
  return match
    ? `${countOf(keys, 'key matches', 'keys match')}${pattern}${ofType}`
    : `${countOf(keys, 'key')}${ofType}`;
}
