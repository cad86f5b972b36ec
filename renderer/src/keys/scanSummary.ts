import type { TFunction } from 'i18next';
import type { ScanStatus } from '../../../shared/api/keys';
import { i18n } from '../i18n/i18n';

/**
 * "412,000 of ~1,000,000 keys" and friends: the honest progress line. `dbKeys`: the keys in the
 * database now (see sessions/keyCounts), for "of N in this database" once the scan has ended;
 * DBSIZE as the scan started until it is known. An empty database says nothing here: the key
 * browser says "This database is empty." (one message, not two).
 */
export function scanSummary(status: ScanStatus | undefined, dbKeys?: number, t: TFunction = i18n.t): string {
  if (!status) return t('keys.scan.notScanned');
  const progress = t('keys.scan.progress', { keys: status.keys, count: status.dbSize });
  switch (status.state) {
    case 'scanning':
      return t('keys.scan.scanning', { progress });
    case 'complete':
      if (status.match || status.type) {
        return t('keys.scan.ofDatabase', { matching: matching(status, t), total: dbKeys ?? status.dbSize });
      }
      if (status.keys === 0) return '';
      return status.keys === 1 ? t('keys.scan.onlyKey') : t('keys.scan.allLoaded', { n: status.keys });
    case 'capped':
      return t('keys.scan.capped', { count: status.cap ?? status.keys, progress });
    case 'cancelled':
      return t('keys.scan.cancelled', { progress });
    case 'error':
      return t('keys.scan.failed', { message: status.error?.message ?? t('keys.scan.unknownError'), progress });
    default:
      return t('keys.scan.notScanned');
  }
}

/** "3 keys match “user:*” of type hash": the result and the search it is the result of. */
function matching({ keys, match, type }: ScanStatus, t: TFunction): string {
  if (match && type) return t('keys.scan.matchesOfType', { count: keys, pattern: match, type });
  if (match) return t('keys.scan.matches', { count: keys, pattern: match });
  return t('keys.scan.ofType', { count: keys, type: type ?? '' });
}
