import { isUtf8 } from 'node:buffer';
import type { KeyBytes } from '../../../shared/api/keys';

/** The bytes of a key as the UI sent it (UTF-8 text, or base64 for anything else). */
export function decodeKey(key: KeyBytes): Buffer {
  return typeof key === 'string' ? Buffer.from(key, 'utf8') : Buffer.from(key.base64, 'base64');
}

/** A key's bytes for the UI: plain text when they are valid UTF-8, else base64. */
export function encodeKey(bytes: Buffer): KeyBytes {
  return isUtf8(bytes) ? bytes.toString('utf8') : { base64: bytes.toString('base64') };
}

/*
 * The key index stores keys as 'latin1' strings: one char per byte, so they are binary-safe 1:1
 * and V8 keeps them as compact one-byte strings (far smaller than Buffers).
 */
export const toLatin1 = (bytes: Buffer): string => bytes.toString('latin1');
export const fromLatin1 = (key: string): Buffer => Buffer.from(key, 'latin1');
export const latin1ToKeyBytes = (key: string): KeyBytes => encodeKey(fromLatin1(key));
export const keyBytesToLatin1 = (key: KeyBytes): string => toLatin1(decodeKey(key));

/** A key for a message: its text when valid UTF-8, else printable bytes with `\xNN` escapes. */
export function showKey(bytes: Buffer): string {
  if (isUtf8(bytes)) return `"${bytes.toString('utf8')}"`;
  let text = '';
  for (const byte of bytes) {
    text += byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : `\\x${byte.toString(16).padStart(2, '0')}`;
  }
  return `"${text}"`;
}
