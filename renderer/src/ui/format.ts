import type { TFunction } from 'i18next';
import { i18n } from '../i18n/i18n';

/** "3 d 4 h", "2 h 5 min", "7 min", "12 s" — uptime as people read it. */
export function formatDuration(seconds: number | null, t: TFunction = i18n.t): string {
  if (seconds === null) return '—';
  const d = Math.floor(seconds / 86400);
  const h = Math.floor((seconds % 86400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  if (d > 0) return t('format.durationDays', { d, h });
  if (h > 0) return t('format.durationHours', { h, m });
  return m > 0 ? t('format.durationMinutes', { m }) : t('format.durationSeconds', { s: seconds });
}

/** "1 key", "2 keys", "1,000,000 keys": a count with its noun, plural when it is not one. */
export const countOf = (n: number, noun: string, plural = `${noun}s`): string =>
  `${n.toLocaleString('en-US')} ${n === 1 ? noun : plural}`;
