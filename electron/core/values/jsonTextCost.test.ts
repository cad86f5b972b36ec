import { describe, expect, it } from 'vitest';
import { jsonEscapesExceed } from './jsonTextCost';

/** The characters JSON.stringify adds to the bytes read as latin1 (one character per byte). */
const jsonExtra = (bytes: Uint8Array) =>
  JSON.stringify(Buffer.from(bytes).toString('latin1')).length - 2 - bytes.length;

describe('jsonEscapesExceed', () => {
  it('counts exactly what JSON.stringify adds, at any alignment', () => {
    const alphabet = [0x00, 0x01, 0x08, 0x0a, 0x1f, 0x20, 0x22, 0x41, 0x5c, 0x7f, 0x80, 0xff];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const backing = new Uint8Array(64);
    for (let round = 0; round < 3000; round++) {
      for (let i = 0; i < backing.length; i++) backing[i] = alphabet[Math.floor(random() * alphabet.length)]!;
      const from = round % 5;
      const bytes = backing.subarray(from, from + Math.floor(random() * 40));
      const extra = jsonExtra(bytes);
      expect(jsonEscapesExceed(bytes, extra)).toBe(false);
      if (extra > 0) expect(jsonEscapesExceed(bytes, extra - 1)).toBe(true);
    }
  });
});
