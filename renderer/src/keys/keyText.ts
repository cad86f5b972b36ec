import type { KeyBytes } from '../../../shared/api/keys';

const decodeBase64 = (b64: string): Uint8Array => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));

const ESCAPES: Record<number, string> = {
  0x07: '\\a',
  0x08: '\\b',
  0x09: '\\t',
  0x0a: '\\n',
  0x0d: '\\r',
  0x22: '\\"',
  0x5c: '\\\\',
};

/** Bytes as redis-cli prints them: printable ASCII as is, the rest escaped (`\xff`, `\n`). */
export function escapeBytes(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) {
    const esc = ESCAPES[b];
    if (esc && b !== 0x22 && b !== 0x5c) out += esc;
    else if (b >= 0x20 && b < 0x7f) out += String.fromCharCode(b);
    else out += `\\x${b.toString(16).padStart(2, '0')}`;
  }
  return out;
}

/** What a key looks like on screen: UTF-8 text as is (control characters escaped), other bytes escaped. */
export function displayKey(key: KeyBytes): string {
  if (typeof key === 'string') {
    // eslint-disable-next-line no-control-regex
    return /[\x00-\x1f\x7f]/.test(key) ? escapeBytes(new TextEncoder().encode(key)) : key;
  }
  return escapeBytes(decodeBase64(key.base64));
}

/** A stable identity for maps and React keys (text and base64 never collide thanks to the prefix). */
export const keyId = (key: KeyBytes): string => (typeof key === 'string' ? `s:${key}` : `b:${key.base64}`);

/** True when the text has glob characters, i.e. it is a SCAN MATCH pattern and not an exact key. */
export const isPattern = (text: string): boolean => /[*?[\]]/.test(text);
