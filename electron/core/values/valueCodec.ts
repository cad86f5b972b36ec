import { createHash } from 'node:crypto';
import type { ValueBytes, ValuePreview } from '../../../shared/api/values';
import { decodeKey, encodeKey } from '../keys/keyBytes';

/** Values use the same byte codec as keys: UTF-8 text, or base64 for anything else. */
export const decodeValue = (value: ValueBytes): Buffer => decodeKey(value);
export const encodeValue = (bytes: Buffer): ValueBytes => encodeKey(bytes);

/** A value's version: the SHA-1 of its bytes, as Redis' `redis.sha1hex` computes it in scripts. */
export const versionOf = (bytes: Buffer): string => createHash('sha1').update(bytes).digest('hex');

/**
 * The first `max` bytes of a longer value, without a UTF-8 sequence cut in half at the end (so
 * a text preview stays text). Binary data is cut at exactly `max`.
 */
export function cutPrefix(bytes: Buffer, max: number): Buffer {
  if (bytes.length <= max) return bytes;
  let end = max;
  // Step back over continuation bytes (10xxxxxx) to the start of the sequence that was cut.
  for (let back = 0; back < 3 && end > 0 && (bytes[end]! & 0xc0) === 0x80; back++) end--;
  return end > 0 && (bytes[end]! & 0xc0) !== 0x80 ? bytes.subarray(0, end) : bytes.subarray(0, max);
}

/** A value cut to `max` bytes for tables and comparisons, with its full size. */
export function preview(bytes: Buffer, max: number, size = bytes.length): ValuePreview {
  const shown = cutPrefix(bytes, max);
  return { value: encodeValue(shown), size, truncated: shown.length < size };
}
