import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
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
