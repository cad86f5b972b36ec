import { describe, expect, it } from 'vitest';
import { displayKey, escapeBytes, isEscaped, isPattern, keyBytesOf, keyId, parseEscapes, toKeyBytes } from './keyText';

describe('key text', () => {
  it('escapes bytes like redis-cli', () => {
    expect(escapeBytes(new Uint8Array([0x61, 0xff, 0x00, 0x0a, 0x7f]))).toBe('a\\xff\\x00\\n\\x7f');
    expect(displayKey({ base64: btoa(String.fromCharCode(0xc3, 0x28, 0x41)) })).toBe('\\xc3(A');
  });
  it('shows UTF-8 text as is, control characters escaped', () => {
    expect(displayKey('user:héllo:1')).toBe('user:héllo:1');
    expect(displayKey('a\tb')).toBe('a\\tb');
  });
  it('keeps text and binary identities apart', () => {
    expect(keyId('abc')).not.toBe(keyId({ base64: 'abc' }));
  });
  it('tells patterns from exact keys', () => {
    expect(isPattern('user:*')).toBe(true);
    expect(isPattern('user:[12]')).toBe(true);
    expect(isPattern('user:1')).toBe(false);
  });
});

describe('escaped names read back', () => {
  const bytes = (...b: number[]) => Uint8Array.from(b);
  it('parses what escapeBytes writes, for every byte', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const parsed = parseEscapes(escapeBytes(all));
    expect('bytes' in parsed && [...parsed.bytes]).toEqual([...all]);
    expect(escapeBytes(bytes(0x5c, 0x22, 0x41))).toBe('\\\\\\"A');
  });
  it('reads text as UTF-8 and says where an escape is wrong', () => {
    const ok = parseEscapes('é\\x00\\n😀');
    expect('bytes' in ok && [...ok.bytes]).toEqual([0xc3, 0xa9, 0x00, 0x0a, 0xf0, 0x9f, 0x98, 0x80]);
    expect(parseEscapes('ab\\xZZ')).toEqual({
      error: 'Unknown escape at position 3: use \\xNN (two hex digits), \\n, \\t, \\r or \\\\ for a backslash.',
    });
    expect('error' in parseEscapes('trailing\\')).toBe(true);
  });
  it('sends valid UTF-8 as text (a leading BOM kept), anything else as base64', () => {
    expect(toKeyBytes(bytes(0x61, 0x3a, 0x31))).toBe('a:1');
    expect(toKeyBytes(bytes(0xef, 0xbb, 0xbf, 0x61))).toBe('\ufeffa');
    expect(toKeyBytes(bytes(0x62, 0xff, 0x00))).toEqual({ base64: btoa('b\xff\x00') });
    expect([...keyBytesOf({ base64: btoa('b\xff\x00') })]).toEqual([0x62, 0xff, 0x00]);
    expect(isEscaped('plain')).toBe(false);
    expect(isEscaped('tab\there')).toBe(true);
    expect(isEscaped({ base64: 'AA==' })).toBe(true);
  });
});

describe('names that hide characters', () => {
  it('marks leading and trailing spaces, and reads the mark back to the same name', () => {
    expect(displayKey('  cmp:d ')).toBe('\\x20\\x20cmp:d\\x20');
    expect(displayKey('a b')).toBe('a b');
    expect(isEscaped('  cmp')).toBe(true);
    const back = parseEscapes(displayKey('  cmp:d '));
    expect('bytes' in back && toKeyBytes(back.bytes)).toBe('  cmp:d ');
  });
  it('escapes spaces and marks that look like nothing', () => {
    expect(displayKey('a\u00a0b')).toBe('a\\xc2\\xa0b');
    expect(displayKey('cmp\u200b')).toBe('cmp\\xe2\\x80\\x8b');
    expect(isEscaped('héllo')).toBe(false);
  });
});
