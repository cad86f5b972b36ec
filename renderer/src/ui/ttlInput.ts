/** Units a TTL can be typed in, with their length in milliseconds. */
export const TTL_UNITS = [
  { value: 's', label: 'seconds', ms: 1_000 },
  { value: 'ms', label: 'milliseconds', ms: 1 },
  { value: 'min', label: 'minutes', ms: 60_000 },
  { value: 'h', label: 'hours', ms: 3_600_000 },
  { value: 'd', label: 'days', ms: 86_400_000 },
] as const;
export type TtlUnit = (typeof TTL_UNITS)[number]['value'];

/** The API's limit (shared/api/methods.ts keys.expire): 100 years. */
const MAX_TTL_MS = 100 * 365 * 24 * 3600 * 1000;

/** A typed TTL in milliseconds, or why it is not one. */
export function parseTtl(text: string, unit: TtlUnit): { ttlMs: number } | { error: string } {
  const value = Number(text.trim().replace(/[,_\s]/g, ''));
  if (!text.trim() || !Number.isFinite(value) || value <= 0) return { error: 'Enter a number greater than 0.' };
  const ttlMs = Math.round(value * TTL_UNITS.find((u) => u.value === unit)!.ms);
  if (unit === 'ms' && !Number.isInteger(value)) return { error: 'Milliseconds are whole numbers.' };
  if (ttlMs < 1) return { error: 'That is less than 1 millisecond.' };
  if (ttlMs > MAX_TTL_MS) return { error: 'At most 100 years.' };
  return { ttlMs };
}

/** "1 h 30 min", "45 s", "250 ms": a TTL as people read it. */
export function describeTtl(ms: number): string {
  if (ms < 1_000) return `${ms} ms`;
  const s = Math.round(ms / 1000);
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (d > 0) return h > 0 ? `${d} d ${h} h` : `${d} d`;
  if (h > 0) return m > 0 ? `${h} h ${m} min` : `${h} h`;
  if (m > 0) return sec > 0 ? `${m} min ${sec} s` : `${m} min`;
  return `${sec} s`;
}
