import type { TFunction } from 'i18next';
import { i18n } from '../i18n/i18n';

/** Units a TTL can be typed in, with their length in milliseconds (named in `ttl.units`). */
export const TTL_UNITS = [
  { value: 's', ms: 1_000 },
  { value: 'ms', ms: 1 },
  { value: 'min', ms: 60_000 },
  { value: 'h', ms: 3_600_000 },
  { value: 'd', ms: 86_400_000 },
] as const;
export type TtlUnit = (typeof TTL_UNITS)[number]['value'];

/** The API's limit (shared/api/methods.ts keys.expire): 100 years. */
const MAX_TTL_MS = 100 * 365 * 24 * 3600 * 1000;

/** A typed TTL in milliseconds, or why it is not one (in the language `t` speaks). */
export function parseTtl(text: string, unit: TtlUnit, t: TFunction = i18n.t): { ttlMs: number } | { error: string } {
  const value = Number(text.trim().replace(/[,_\s]/g, ''));
  if (!text.trim() || !Number.isFinite(value) || value <= 0) return { error: t('ttl.errors.notPositive') };
  const ttlMs = Math.round(value * TTL_UNITS.find((u) => u.value === unit)!.ms);
  if (unit === 'ms' && !Number.isInteger(value)) return { error: t('ttl.errors.wholeMs') };
  if (ttlMs < 1) return { error: t('ttl.errors.tooSmall') };
  if (ttlMs > MAX_TTL_MS) return { error: t('ttl.errors.tooLong') };
  return { ttlMs };
}

/** "1 h 30 min", "45 s", "250 ms": a TTL as people read it (in the language `t` speaks). */
export function describeTtl(ms: number, t: TFunction = i18n.t): string {
  if (ms < 1_000) return t('ttl.ms', { ms });
  const s = Math.round(ms / 1000);
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (d > 0) return h > 0 ? t('ttl.dH', { d, h }) : t('ttl.d', { d });
  if (h > 0) return m > 0 ? t('ttl.hMin', { h, m }) : t('ttl.h', { h });
  if (m > 0) return sec > 0 ? t('ttl.minS', { m, s: sec }) : t('ttl.min', { m });
  return t('ttl.s', { s: sec });
}
