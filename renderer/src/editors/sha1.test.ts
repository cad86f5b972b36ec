import { describe, expect, it } from 'vitest';
import { feedInSlices, Sha1 } from './sha1';

/** WebCrypto's SHA-1 as the reference. */
async function reference(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-1', bytes as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Arbitrary bytes (xorshift), the same every run. */
function noise(n: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = 2463534242;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

describe('SHA-1', () => {
  it.each([0, 1, 55, 56, 63, 64, 65, 119, 120, 1000, 100_003])('matches WebCrypto for %i bytes', async (n) => {
    const bytes = noise(n);
    expect(new Sha1().update(bytes).hex()).toBe(await reference(bytes));
  });

  it('gives the same hash fed in pieces of any size', async () => {
    const bytes = noise(300_001);
    const hash = new Sha1();
    for (let at = 0, step = 1; at < bytes.length; at += step, step = (step * 7 + 3) % 5000) {
      hash.update(bytes.subarray(at, at + step));
    }
    expect(hash.hex()).toBe(await reference(bytes));
    const sliced = new Sha1();
    await feedInSlices(sliced, bytes);
    expect(sliced.hex()).toBe(await reference(bytes));
    expect(new Sha1().update(new TextEncoder().encode('abc')).hex()).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
  });
});
