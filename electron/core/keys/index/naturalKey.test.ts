import { describe, expect, it } from 'vitest';
import { naturalCompare, naturalCompareBytes } from './naturalCompare';
import { naturalKey, naturalKeyBytes } from './naturalKey';

/** Random 'latin1' names built to hit the edges: digit runs with zeros, '/' and ':' around the digits. */
function names(seed: number, n: number): string[] {
  let s = seed;
  const rnd = (m: number) => ((s = (s * 48271) % 2147483647), s % m);
  const parts = [
    '0',
    '00',
    '7',
    '07',
    '9',
    '10',
    '123',
    '0000000',
    '9'.repeat(40),
    'a',
    'b',
    '/',
    ':',
    '\x00',
    '\xff',
    '-',
  ];
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    let name = '';
    const len = rnd(8);
    for (let k = 0; k < len; k++) name += rnd(3) === 0 ? String(rnd(100_000)) : parts[rnd(parts.length)]!;
    out.push(name);
  }
  return out;
}

const sign = (n: number) => Math.sign(n);

describe('naturalKey', () => {
  it('orders like naturalCompare wherever two keys differ', () => {
    const all = names(11, 600);
    const keys = all.map(naturalKey);
    const wrong: string[] = [];
    let ties = 0;
    for (let i = 0; i < all.length; i++) {
      for (let j = 0; j < all.length; j++) {
        if (keys[i] === keys[j]) ties++;
        else if (sign(keys[i]! - keys[j]!) !== sign(naturalCompare(all[i]!, all[j]!))) {
          wrong.push(`${JSON.stringify(all[i])} vs ${JSON.stringify(all[j])}`);
        }
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(ties).toBeLessThan(all.length * all.length * 0.05);
  });

  it('tells most realistic names apart', () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => String(i * 7919));
    expect(new Set(ids.map(naturalKey)).size).toBe(ids.length);
    const words = ['name', 'email', 'profile', 'cart', 'settings', 'avatar'];
    expect(new Set(words.map(naturalKey)).size).toBe(words.length);
  });

  it('gives bytes the same key and the same order as strings', () => {
    const all = names(5, 300);
    for (const a of all) {
      const bytes = Buffer.from(`xx${a}`, 'latin1');
      expect(naturalKeyBytes(bytes, 2, bytes.length)).toBe(naturalKey(a));
    }
    for (let i = 1; i < all.length; i++) {
      const [a, b] = [Buffer.from(all[i - 1]!, 'latin1'), Buffer.from(all[i]!, 'latin1')];
      expect(sign(naturalCompareBytes(a, 0, a.length, b, 0, b.length))).toBe(
        sign(naturalCompare(all[i - 1]!, all[i]!)),
      );
    }
  });
});
