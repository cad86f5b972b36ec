import type { ApiError, ErrorDetails } from '../../../shared/api/errors';
import type { KeyBytes } from '../../../shared/api/keys';
import type { TtlChange } from '../../../shared/api/values';
import { displayKey } from '../ui/keyText';
import { parseTtl, type TtlUnit } from '../ui/ttlInput';

/** A typed TTL as the API takes it: EX for whole seconds, PX otherwise; empty = `fallback`. */
export function ttlChange(
  text: string,
  unit: TtlUnit,
  fallback: 'keep' | 'persist',
): { ttl: TtlChange } | { error: string } {
  if (text.trim() === '') return { ttl: fallback };
  const parsed = parseTtl(text, unit);
  if ('error' in parsed) return parsed;
  if (unit !== 'ms' && parsed.ttlMs % 1000 === 0) return { ttl: { seconds: parsed.ttlMs / 1000 } };
  return { ttl: { ms: parsed.ttlMs } };
}

export type Condition = 'absent' | 'exists' | 'any';

export const CONDITIONS: readonly { value: Condition; label: string }[] = [
  { value: 'absent', label: 'Only if it does not exist (NX)' },
  { value: 'exists', label: 'Only if it exists (XX)' },
  { value: 'any', label: 'Always (overwrite)' },
];

/** What a refused create means, in words that say what to do next. */
export function createRefusal(error: ApiError, key: KeyBytes, condition: Condition): string {
  const name = displayKey(key);
  if (error.code === 'KEY_EXISTS')
    return `A key named “${name}” already exists, so nothing was written (only if it does not exist). Choose another name, or pick “Always (overwrite)”.`;
  if (error.code === 'NOT_FOUND' && condition === 'exists')
    return `No key named “${name}” exists, so nothing was written (only if it exists).`;
  return error.message;
}

/** The keys an MSETNX refusal names, for the message ("a, b and 3 more"). */
export function existingKeysText(details: ErrorDetails['KEY_EXISTS'] | undefined): string {
  const existing = details?.existing ?? [];
  const shown = existing.slice(0, 5).map((k) => `“${displayKey(k)}”`);
  const more = existing.length - shown.length;
  return shown.join(', ') + (more > 0 ? ` and ${more.toLocaleString('en-US')} more` : '');
}
