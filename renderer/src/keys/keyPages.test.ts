import { describe, expect, it } from 'vitest';
import type { KeyMeta, KeyRow } from '../../../shared/api/keys';
import { KEPT_PAGES, metaOfPages, PAGE_SIZE, pinnedPages, prunePages, rowAt, type Page } from './keyPages';
import { keyId } from '../ui/keyText';

const page = (p: number): Page => ({
  rows: Array.from({ length: PAGE_SIZE }, (_, i): KeyRow => ({
    kind: 'key',
    key: `k${p * PAGE_SIZE + i}`,
    name: `${i}`,
    depth: 0,
  })),
  generation: 0,
});
const pagesOf = (...ps: number[]): Record<number, Page> => Object.fromEntries(ps.map((p) => [p, page(p)]));
const numbers = (pages: Record<number, Page>) =>
  Object.keys(pages)
    .map(Number)
    .sort((a, b) => a - b);

describe('key pages', () => {
  it('finds a row by index across pages', () => {
    const pages = pagesOf(0, 2);
    expect(rowAt({ pages }, PAGE_SIZE * 2 + 5)).toMatchObject({ key: `k${PAGE_SIZE * 2 + 5}` });
    expect(rowAt({ pages }, PAGE_SIZE + 5)).toBeUndefined();
  });

  it('pins the viewport, the focused row and a small selection range', () => {
    const view = { from: PAGE_SIZE - 10, to: PAGE_SIZE + 30 };
    expect([...pinnedPages(view, 5 * PAGE_SIZE, undefined)].sort()).toEqual([0, 1, 5]);
    expect([...pinnedPages(view, 0, { from: 3 * PAGE_SIZE, to: 4 * PAGE_SIZE })].sort()).toEqual([0, 1, 3, 4]);
    // A huge range or "all" is read from core when acted on, not kept here.
    expect([...pinnedPages(view, 0, { from: 0, to: 100 * PAGE_SIZE })].sort()).toEqual([0, 1]);
    expect([...pinnedPages(view, 0, 'all')].sort()).toEqual([0, 1]);
  });

  it('keeps the pinned pages and the nearest others, and nothing is dropped below the bound', () => {
    const few = pagesOf(0, 1, 2);
    expect(prunePages(few, new Set([1]), 1)).toBe(few);

    const many = pagesOf(...Array.from({ length: 40 }, (_, i) => i));
    const kept = prunePages(many, new Set([20, 39]), 20, 4);
    expect(numbers(kept)).toEqual([18, 19, 20, 21, 22, 39]);
    expect(kept[20]).toBe(many[20]);
    expect(numbers(prunePages(many, new Set([0]), 0))).toHaveLength(KEPT_PAGES + 1);
  });

  it('keeps TYPE/TTL only for the keys of kept pages and the ones asked for', () => {
    const meta = (key: string): KeyMeta => ({ key, type: 'string', ttlMs: -1 });
    const all = Object.fromEntries(['k1', `k${PAGE_SIZE * 3}`, 'elsewhere', 'opened'].map((k) => [keyId(k), meta(k)]));
    expect(Object.keys(metaOfPages(all, pagesOf(0), [keyId('opened'), undefined])).sort()).toEqual([
      keyId('k1'),
      keyId('opened'),
    ]);
  });
});
