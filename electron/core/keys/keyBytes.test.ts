import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { KeyBytes } from '../../../shared/api/keys';
import { ApiFailure } from '../api/apiFailure';
import { decodeKey, encodeKey, keyBytesToLatin1, latin1ToKeyBytes, showKey } from './keyBytes';

describe('keyBytes', () => {
  it('round-trips every single byte 0..255', () => {
    for (let b = 0; b < 256; b++) {
      const bytes = Buffer.from([b]);
      expect(decodeKey(encodeKey(bytes)).equals(bytes)).toBe(true);
      expect(decodeKey(latin1ToKeyBytes(keyBytesToLatin1(encodeKey(bytes)))).equals(bytes)).toBe(true);
    }
  });

  it('round-trips random buffers', () => {
    for (let i = 0; i < 2_000; i++) {
      const bytes = randomBytes(i % 64);
      expect(decodeKey(encodeKey(bytes)).equals(bytes)).toBe(true);
    }
  });

  it('sends valid UTF-8 as text and anything else as base64', () => {
    expect(encodeKey(Buffer.from('user:1:ünï ✓', 'utf8'))).toBe('user:1:ünï ✓');
    expect(encodeKey(Buffer.from([0xff, 0x00, 0x41]))).toEqual({
      base64: Buffer.from([0xff, 0x00, 0x41]).toString('base64'),
    });
    expect(encodeKey(Buffer.from([0xc3]))).toEqual({ base64: 'ww==' }); // truncated sequence
    expect(encodeKey(Buffer.alloc(0))).toBe('');
  });

  it('shows a key in a message: UTF-8 as text, other bytes escaped', () => {
    expect(showKey(Buffer.from('user:1:ü', 'utf8'))).toBe('"user:1:ü"');
    expect(showKey(Buffer.from([0x61, 0xff, 0x00, 0x3a]))).toBe('"a\\xff\\x00:"');
  });
});

describe('decodeKey refuses what does not name exactly one byte sequence', () => {
  const refused = (key: KeyBytes) => {
    try {
      decodeKey(key);
    } catch (e) {
      return e instanceof ApiFailure && e.code === 'VALIDATION_FAILED';
    }
    return false;
  };

  it('refuses non-canonical base64 (Node would decode "***" to the empty key) and lone surrogates', () => {
    for (const base64 of ['***', 'QQ', 'QR==', 'QUJD\n', 'QUJD-_==', '=QUJ'])
      expect(refused({ base64 }), base64).toBe(true);
    for (const text of ['\ud800', 'a\udfffb', '\udc00\ud800']) expect(refused(text), JSON.stringify(text)).toBe(true);
    expect(decodeKey('emoji \ud83d\ude00').equals(Buffer.from('emoji 😀', 'utf8'))).toBe(true);
    expect(decodeKey({ base64: '' }).length).toBe(0);
  });

  it('accepts a base64 string exactly when decoding and re-encoding gives it back', () => {
    const letters = ['A', 'B', 'Q', 'g', 'w', '/', '=', '*', '-'];
    let strings = [''];
    for (let len = 1; len <= 4; len++) {
      strings = [...strings, ...strings.filter((s) => s.length === len - 1).flatMap((s) => letters.map((c) => s + c))];
    }
    for (const base64 of strings) {
      const canonical = Buffer.from(base64, 'base64').toString('base64') === base64;
      expect(!refused({ base64 }), base64).toBe(canonical);
    }
  });
});
