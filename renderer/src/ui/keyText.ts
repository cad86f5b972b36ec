import type { KeyBytes } from '../../../shared/api/keys';

const decodeBase64 = (b64: string): Uint8Array => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
const encoder = new TextEncoder();
// `ignoreBOM`: a leading EF BB BF is part of the name, not a marker to drop.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

const ESCAPES: Record<number, string> = {
  0x07: '\\a',
  0x08: '\\b',
  0x09: '\\t',
  0x0a: '\\n',
  0x0d: '\\r',
  0x22: '\\"',
  0x5c: '\\\\',
};
const UNESCAPES: Record<string, number> = { a: 0x07, b: 0x08, t: 0x09, n: 0x0a, r: 0x0d, '\\': 0x5c, '"': 0x22 };

/**
 * Bytes as redis-cli prints them: printable ASCII as is, the rest escaped (`\xff`, `\n`). A
 * backslash and a double quote are escaped too, so the text reads back to the same bytes (see
 * parseEscapes; redis-cli reads it the same way inside double quotes).
 */
export function escapeBytes(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) {
    const esc = ESCAPES[b];
    if (esc) out += esc;
    else if (b >= 0x20 && b < 0x7f) out += String.fromCharCode(b);
    else out += `\\x${b.toString(16).padStart(2, '0')}`;
  }
  return out;
}

/**
 * Characters a name must not hide: control characters, and Unicode spaces and zero-width marks
 * that look like nothing or like a plain space (NBSP, U+200B…, BOM).
 */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\x00-\x1f\x7f\u00a0\u00ad\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u2064\u3000\ufeff]/;

/**
 * True when the key is shown escaped: not UTF-8, UTF-8 with invisible characters, or a name
 * that starts or ends with a space (`" cmp"` would look like a second `cmp` folder).
 */
export const isEscaped = (key: KeyBytes): boolean =>
  typeof key !== 'string' || INVISIBLE.test(key) || /^ | $/.test(key);

/**
 * What a key looks like on screen: UTF-8 text as is; otherwise escaped as redis-cli would, with
 * leading and trailing spaces as `\x20` so they can be seen (it reads back the same: parseEscapes).
 */
export function displayKey(key: KeyBytes): string {
  if (!isEscaped(key)) return key as string;
  return escapeBytes(keyBytesOf(key)).replace(/^ +| +$/g, (spaces) => '\\x20'.repeat(spaces.length));
}

/** A key's bytes. */
export const keyBytesOf = (key: KeyBytes): Uint8Array =>
  typeof key === 'string' ? encoder.encode(key) : decodeBase64(key.base64);

/** Bytes in the wire form: text when they are valid UTF-8, else base64 (see shared/api/keys). */
export function toKeyBytes(bytes: Uint8Array): KeyBytes {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    let binary = '';
    for (const b of bytes) binary += String.fromCharCode(b);
    return { base64: btoa(binary) };
  }
}

/**
 * Reads the escaped form back into bytes: `\xNN`, `\n`, `\r`, `\t`, `\a`, `\b`, `\\`, `\"`;
 * everything else is UTF-8 text. The inverse of escapeBytes.
 */
export function parseEscapes(text: string): { bytes: Uint8Array } | { error: string } {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch !== '\\') {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) i++;
      out.push(...encoder.encode(String.fromCodePoint(cp)));
      continue;
    }
    const next = text[i + 1];
    if (next === 'x' && /^[0-9a-fA-F]{2}$/.test(text.slice(i + 2, i + 4))) {
      out.push(parseInt(text.slice(i + 2, i + 4), 16));
      i += 3;
    } else if (next !== undefined && next in UNESCAPES) {
      out.push(UNESCAPES[next]!);
      i += 1;
    } else {
      return {
        error: `Unknown escape at position ${i + 1}: use \\xNN (two hex digits), \\n, \\t, \\r or \\\\ for a backslash.`,
      };
    }
  }
  return { bytes: Uint8Array.from(out) };
}

/** A stable identity for maps and React keys (text and base64 never collide thanks to the prefix). */
export const keyId = (key: KeyBytes): string => (typeof key === 'string' ? `s:${key}` : `b:${key.base64}`);

/** True when the text has glob characters, i.e. it is a SCAN MATCH pattern and not an exact key. */
export const isPattern = (text: string): boolean => /[*?[\]]/.test(text);
