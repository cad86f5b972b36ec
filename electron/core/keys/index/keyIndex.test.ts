import { describe, expect, it } from 'vitest';
import type { KeyRow } from '../../../../shared/api/keys';
import { decodeKey } from '../keyBytes';
import { KeyIndex } from './keyIndex';
import { naturalCompare } from './naturalCompare';

const add = (index: KeyIndex, ...keys: string[]) => keys.forEach((k) => index.add(Buffer.from(k, 'latin1')));
const text = (k: KeyRow['name']): string => decodeKey(k).toString('latin1');
const show = (rows: KeyRow[]) =>
  rows.map((r) => `${'  '.repeat(r.depth)}${r.kind === 'folder' ? `${text(r.name)}/ (${r.count})` : text(r.name)}`);

/** The reference: flatten everything, the slow obvious way. */
function naiveTree(keys: string[], expanded: Set<string>, delim: string): string[] {
  const out: string[] = [];
  const walk = (prefix: string, depth: number, below: string[]) => {
    const folders = new Map<string, string[]>();
    const leaves: string[] = [];
    for (const rest of below) {
      const at = rest.indexOf(delim);
      if (at === -1) leaves.push(rest);
      else {
        const name = rest.slice(0, at);
        folders.set(name, [...(folders.get(name) ?? []), rest.slice(at + delim.length)]);
      }
    }
    for (const name of [...folders.keys()].sort(naturalCompare)) {
      const inner = folders.get(name)!;
      out.push(`${'  '.repeat(depth)}${name}/ (${inner.length})`);
      if (expanded.has(prefix + name + delim)) walk(prefix + name + delim, depth + 1, inner);
    }
    for (const leaf of leaves.sort(naturalCompare)) out.push(`${'  '.repeat(depth)}${leaf}`);
  };
  walk('', 0, keys);
  return out;
}

function randomKeys(seed: number, n: number): string[] {
  let s = seed;
  const rnd = (m: number) => ((s = (s * 48271) % 2147483647), s % m);
  const parts = ['a', 'b', 'user', '1', '2', '10', '007', '', 'x9', 'x10'];
  const keys = new Set<string>();
  while (keys.size < n) {
    const depth = rnd(4);
    keys.add(Array.from({ length: depth + 1 }, () => parts[rnd(parts.length)]!).join(':'));
  }
  return [...keys];
}

describe('KeyIndex', () => {
  it('groups keys into folders with counts at every level', () => {
    const index = new KeyIndex(':');
    add(index, 'user:1:a', 'user:1:b', 'user:2:a', 'session:x', 'plain');
    expect(index.size).toBe(5);
    expect(show(index.rows(0, 100, 'tree').rows)).toEqual(['session/ (1)', 'user/ (3)', 'plain']);
    index.setExpanded('user:', true);
    index.setExpanded('user:1:', true);
    expect(show(index.rows(0, 100, 'tree').rows)).toEqual([
      'session/ (1)',
      'user/ (3)',
      '  1/ (2)',
      '    a',
      '    b',
      '  2/ (1)',
      'plain',
    ]);
    expect(index.rows(0, 1, 'tree').total).toBe(7);
    expect(index.folderCount('user:')).toBe(3);
  });

  it('counts a key once however often SCAN returns it', () => {
    const index = new KeyIndex(':');
    expect(index.add(Buffer.from('a:b'))).toBe(true);
    expect(index.add(Buffer.from('a:b'))).toBe(false);
    expect(index.size).toBe(1);
  });

  it('shows a key that is also a folder prefix as both', () => {
    const index = new KeyIndex(':');
    add(index, 'user:1', 'user:1:name');
    index.setExpanded('user:', true);
    const rows = index.rows(0, 10, 'tree').rows;
    expect(show(rows)).toEqual(['user/ (2)', '  1/ (1)', '  1']);
    expect(rows[1]).toMatchObject({ kind: 'folder', prefix: 'user:1:' });
    expect(rows[2]).toMatchObject({ kind: 'key', key: 'user:1' });
  });

  it('sorts naturally: numbers in numeric order', () => {
    const index = new KeyIndex(':');
    add(index, 'user:10', 'user:2', 'user:1', 'user:b', 'user:a10', 'user:a9');
    index.setExpanded('user:', true);
    expect(show(index.rows(1, 10, 'tree').rows).map((s) => s.trim())).toEqual(['1', '2', '10', 'a9', 'a10', 'b']);
  });

  it('keeps a binary key byte-exact', () => {
    const index = new KeyIndex(':');
    const key = Buffer.from([0xff, 0x00, 0x3a, 0x80]);
    index.add(key);
    index.setExpanded(Buffer.from([0xff, 0x00, 0x3a]).toString('latin1'), true);
    const row = index.rows(1, 1, 'tree').rows[0]!;
    expect(row.kind === 'key' && decodeKey(row.key).equals(key)).toBe(true);
  });

  it('windows equal a naive full flatten, for random trees and expansions', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const keys = randomKeys(seed, 50 + seed * 20);
      const index = new KeyIndex(':');
      add(index, ...keys.slice(0, keys.length / 2));
      const expanded = new Set<string>();
      // Expand some folders that exist and some that do not exist yet, then add the rest.
      for (const key of keys) {
        const cut = key.lastIndexOf(':');
        if (cut > 0 && key.length % 3 === seed % 3) {
          const prefix = key.slice(0, cut + 1);
          expanded.add(prefix);
          index.setExpanded(prefix, true);
        }
      }
      add(index, ...keys.slice(keys.length / 2));
      const want = naiveTree(keys, expanded, ':');
      expect(index.total('tree')).toBe(want.length);
      for (const [offset, limit] of [
        [0, want.length],
        [0, 7],
        [3, 11],
        [Math.floor(want.length / 2), 13],
        [want.length - 5, 50],
      ]) {
        expect(show(index.rows(Math.max(0, offset!), limit!, 'tree').rows)).toEqual(
          want.slice(Math.max(0, offset!), Math.max(0, offset!) + limit!),
        );
      }
      // Collapsing a folder drops its rows from every window.
      const first = [...expanded][0];
      if (first) {
        index.setExpanded(first, false);
        expanded.delete(first);
        const after = naiveTree(keys, expanded, ':');
        expect(show(index.rows(0, after.length + 5, 'tree').rows)).toEqual(after);
      }
    }
  });

  it('lists every key in the flat view, in natural order segment by segment', () => {
    const keys = randomKeys(7, 400);
    const index = new KeyIndex(':');
    add(index, ...keys);
    const all = index.rows(0, 5_000, 'flat');
    expect(all.total).toBe(keys.length);
    const listed = all.rows.map((r) => text(r.name));
    expect(new Set(listed)).toEqual(new Set(keys));
    const bySegments = (a: string, b: string) => {
      const x = a.split(':');
      const y = b.split(':');
      for (let i = 0; i < Math.min(x.length, y.length); i++) {
        // a key sorts before a folder of the same name
        const c = naturalCompare(x[i]!, y[i]!);
        if (c !== 0) return c;
      }
      return x.length - y.length;
    };
    expect(listed).toEqual([...keys].sort(bySegments));
    expect(index.rows(100, 10, 'flat').rows.map((r) => text(r.name))).toEqual(listed.slice(100, 110));
    expect(all.rows.every((r) => r.depth === 0 && r.kind === 'key')).toBe(true);
  });

  it('removing keys updates counts and drops empty folders', () => {
    const index = new KeyIndex(':');
    add(index, 'user:1:a', 'user:1:b', 'user:2:a');
    index.setExpanded('user:', true);
    index.rows(0, 10, 'tree'); // builds the sort caches, which removals must keep right
    expect(index.remove('user:1:a')).toBe(true);
    expect(index.remove('user:1:a')).toBe(false);
    expect(index.folderCount('user:')).toBe(2);
    expect(index.remove('user:2:a')).toBe(true);
    expect(show(index.rows(0, 10, 'tree').rows)).toEqual(['user/ (1)', '  1/ (1)']);
    expect(index.has('user:1:b')).toBe(true);
    index.remove('user:1:b');
    expect(index.rows(0, 10, 'tree')).toEqual({ total: 0, offset: 0, rows: [] });
    expect(index.size).toBe(0);
  });

  it('pages through a large folder consistently while keys keep arriving', () => {
    const index = new KeyIndex(':');
    for (let i = 0; i < 5_000; i++) index.add(Buffer.from(`big:${(i * 7919) % 5_000}`));
    index.setExpanded('big:', true);
    expect(show(index.rows(1, 3, 'tree').rows).map((s) => s.trim())).toEqual(['0', '1', '2']);
    for (let i = 5_000; i < 6_000; i++) index.add(Buffer.from(`big:${i}`));
    const names = index.rows(1, 6_000, 'tree').rows.map((r) => Number(text(r.name)));
    expect(names).toEqual(Array.from({ length: 6_000 }, (_, i) => i));
    expect(show(index.rows(4_001, 2, 'tree').rows).map((s) => s.trim())).toEqual(['4000', '4001']);
  });

  it('lists every key below a folder, at all levels', () => {
    const index = new KeyIndex(':');
    add(index, 'a:1', 'a:b:2', 'a:b:c:3', 'a', 'ab:1', 'x');
    expect(index.keysUnder('a:').sort()).toEqual(['a:1', 'a:b:2', 'a:b:c:3']);
    expect(index.keysUnder('a:b:').sort()).toEqual(['a:b:2', 'a:b:c:3']);
    expect(index.keysUnder('none:')).toEqual([]);
    for (const key of index.keysUnder('a:')) index.remove(key);
    expect(index.folderCount('a:')).toBe(0);
    expect(index.size).toBe(3);
  });

  it('splits on a multi-byte delimiter left to right, like the reference', () => {
    const keys = ['a::b', 'a:::b', 'a::b::c', '::x', 'a::', 'plain', 'a::b::c::d'];
    const index = new KeyIndex('::');
    add(index, ...keys);
    const expanded = new Set(['a::', 'a::b::', '::']);
    for (const prefix of expanded) index.setExpanded(prefix, true);
    expect(show(index.rows(0, 100, 'tree').rows)).toEqual(naiveTree(keys, expanded, '::'));
    expect(index.folderCount('a::')).toBe(5);
  });

  it('takes a key again after it was removed, and refills an emptied folder', () => {
    const index = new KeyIndex(':');
    add(index, 'x:1', 'x:2', '');
    index.setExpanded('x:', true);
    index.rows(0, 10, 'tree');
    for (const key of ['x:1', 'x:2']) index.remove(key);
    expect(index.folderCount('x:')).toBe(0);
    expect(index.add(Buffer.from('x:2'))).toBe(true);
    expect(index.add(Buffer.from('x:2'))).toBe(false);
    expect(show(index.rows(0, 10, 'tree').rows)).toEqual(['x/ (1)', '  2', '']);
    expect(index.keysUnder('x:')).toEqual(['x:2']);
    expect(index.has('x:1')).toBe(false);
    expect(index.has('')).toBe(true);
  });

  it('keeps tens of thousands of keys, long and short, exactly', () => {
    const index = new KeyIndex('/');
    const long = 'L'.repeat(70_000);
    const keys = Array.from({ length: 40_000 }, (_, i) => `d${i % 7}/${i % 5_000 === 0 ? long : ''}${i}`);
    add(index, ...keys);
    add(index, ...keys.slice(0, 1_000)); // SCAN repeats some
    expect(index.size).toBe(keys.length);
    const all = index.keysUnder('d3/');
    expect(all.sort()).toEqual(keys.filter((k) => k.startsWith('d3/')).sort());
    index.setExpanded('d0/', true);
    const names = index.rows(1, index.folderCount('d0/'), 'tree').rows.map((r) => text(r.name).replace(long, 'L…'));
    expect(names.slice(0, 3)).toEqual(['7', '14', '21']);
    expect(names.at(-1)).toBe('L…35000');
  });
});
