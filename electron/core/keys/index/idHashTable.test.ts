import { describe, expect, it } from 'vitest';
import { IdHashTable } from './idHashTable';

/** Entries are the numbers' decimal bytes; `hashOf` decides how badly they collide. */
function table(hashOf: (n: number) => number) {
  const names: string[] = [];
  const t = new IdHashTable({
    matches: (id, bytes, length) => Buffer.from(bytes.subarray(0, length)).toString() === names[id],
  });
  const find = (n: number) => t.find(hashOf(n), Buffer.from(String(n)), String(n).length);
  const add = (n: number) => {
    names.push(String(n));
    t.add(hashOf(n), names.length - 1);
  };
  const remove = (n: number) => t.delete(hashOf(n), find(n));
  return { find, add, remove, names };
}

describe('IdHashTable', () => {
  it('finds what it holds through growth, deletions and tombstones', () => {
    const t = table((n) => Math.imul(n, 0x9e3779b1));
    for (let n = 0; n < 20_000; n++) t.add(n);
    for (let n = 0; n < 20_000; n += 2) expect(t.remove(n)).toBe(true);
    for (let n = 20_000; n < 25_000; n++) t.add(n);
    const found = Array.from({ length: 25_000 }, (_, n) => t.find(n) !== -1);
    expect(found.filter((f, n) => f !== (n % 2 === 1 || n >= 20_000))).toEqual([]);
    expect(t.find(25_000)).toBe(-1);
    expect(t.remove(2)).toBe(false);
  });

  it('stays exact when every entry has the same hash', () => {
    const t = table(() => 42);
    for (let n = 0; n < 500; n++) t.add(n);
    expect(t.find(123)).toBe(123);
    t.remove(123);
    expect(t.find(123)).toBe(-1);
    expect(t.find(124)).toBe(124);
  });
});
