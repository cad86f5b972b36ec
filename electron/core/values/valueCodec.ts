import { createHash } from 'node:crypto';
import type { ChunkBytes, ValueBytes, ValuePreview } from '../../../shared/api/values';
import { decodeKey, encodeKey } from '../keys/keyBytes';
import { jsonEscapesExceed } from './jsonTextCost';

/** Values use the same byte codec as keys: UTF-8 text, or base64 for anything else. */
export const decodeValue = (value: ValueBytes): Buffer => decodeKey(value);

/**
 * A chunk's bytes to answer with, in a buffer of their own: Electron's IPC (structured clone)
 * copies a view's whole underlying buffer — a chunk cut from a 256 MB field would carry it all.
 */
export const ownBytes = (view: Uint8Array): Uint8Array => new Uint8Array(view);

/** A chunk's bytes: raw ones as they are (a view, not a copy), else decoded like a value. */
export const decodeChunk = (value: ChunkBytes): Buffer =>
  value instanceof Uint8Array ? Buffer.from(value.buffer, value.byteOffset, value.length) : decodeValue(value);

/**
 * Values longer than this are sent as text only when JSON does not make them bigger than base64
 * would. Previews in tables are never longer (PreviewBytes ≤ 64 KB), so a field or member keeps
 * one wire form, whichever page it comes in.
 */
export const TEXT_CHECK_BYTES = 64 * 1024;

/**
 * A value for the wire: UTF-8 text, else base64. Escaping inflates text (a NUL byte is
 * `\u0000` in JSON, 6 characters), so a long value of mostly control bytes goes as base64: a
 * value's JSON then never takes more than 4/3 of its size (above TEXT_CHECK_BYTES), and a
 * 256 MB one stays far below V8's string limit. The UI decodes both forms to the same bytes.
 */
export function encodeValue(bytes: Buffer): ValueBytes {
  const base64Extra = Math.ceil(bytes.length / 3) * 4 - bytes.length;
  if (bytes.length > TEXT_CHECK_BYTES && jsonEscapesExceed(bytes, base64Extra))
    return { base64: bytes.toString('base64') };
  return encodeKey(bytes);
}

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
