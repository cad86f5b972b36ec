import { isUtf8 } from 'node:buffer';
import {
  isCanonicalBase64,
  isWellFormedText,
  LONE_SURROGATE_MESSAGE,
  NOT_CANONICAL_BASE64_MESSAGE,
} from '../../../shared/api/byteStrings';
import type { KeyBytes } from '../../../shared/api/keys';
import { ApiFailure } from '../api/apiFailure';

/**
 * The bytes of a key as the UI sent it (UTF-8 text, or base64 for anything else). The API
 * schema refuses the rest already; checked here too, since Node's decoders never fail: they
 * would turn bad base64 into other (or no) bytes and a lone surrogate into EF BF BD.
 */
export function decodeKey(key: KeyBytes): Buffer {
  if (typeof key === 'string') {
    if (!isWellFormedText(key)) throw new ApiFailure('VALIDATION_FAILED', LONE_SURROGATE_MESSAGE);
    return Buffer.from(key, 'utf8');
  }
  if (!isCanonicalBase64(key.base64)) throw new ApiFailure('VALIDATION_FAILED', NOT_CANONICAL_BASE64_MESSAGE);
  return Buffer.from(key.base64, 'base64');
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
