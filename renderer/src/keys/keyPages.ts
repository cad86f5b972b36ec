import type { KeyMeta, KeyRow } from '../../../shared/api/keys';
import { keyId } from '../ui/keyText';

/** Rows per `keys.rows` call while browsing (what is near the viewport). */
export const PAGE_SIZE = 200;

/**
 * Pages kept in the renderer besides the ones in use: a few screens to scroll back to without
 * a refetch. Bounded so that scrolling through 100,000 rows keeps the heap, and every copy of
 * the page and TYPE/TTL maps, small.
 */
export const KEPT_PAGES = 12;

/** A selection range up to this many rows keeps its pages (the selection bar counts its kinds). */
const PINNED_RANGE_ROWS = 2_000;

export interface Page {
  rows: KeyRow[];
  generation: number;
}

/** The row at an index, if its page is loaded (possibly from an older generation: shown until refreshed). */
export const rowAt = (s: { pages: Record<number, Page> }, index: number): KeyRow | undefined =>
  s.pages[Math.floor(index / PAGE_SIZE)]?.rows[index % PAGE_SIZE];

export const pageOf = (index: number): number => Math.floor(index / PAGE_SIZE);

/** The pages always kept: the viewport's, the focused row's, and a small selection range's. */
export function pinnedPages(
  view: { from: number; to: number },
  focused: number,
  range: { from: number; to: number } | 'all' | undefined,
): Set<number> {
  const pinned = new Set<number>([pageOf(focused)]);
  for (let p = pageOf(view.from); p <= pageOf(Math.max(view.from, view.to - 1)); p++) pinned.add(p);
  if (range && range !== 'all' && range.to - range.from < PINNED_RANGE_ROWS) {
    for (let p = pageOf(range.from); p <= pageOf(range.to); p++) pinned.add(p);
  }
  return pinned;
}

/**
 * The page cache bounded: the pinned pages, then the others nearest to `center` up to `kept`.
 * Returns the same object when nothing is dropped.
 */
export function prunePages(
  pages: Record<number, Page>,
  pinned: Set<number>,
  center: number,
  kept = KEPT_PAGES,
): Record<number, Page> {
  const others = Object.keys(pages)
    .map(Number)
    .filter((p) => !pinned.has(p));
  if (others.length <= kept) return pages;
  others.sort((a, b) => Math.abs(a - center) - Math.abs(b - center));
  const out: Record<number, Page> = {};
  for (const p of [...pinned, ...others.slice(0, kept)]) if (pages[p]) out[p] = pages[p];
  return out;
}

/** TYPE/TTL only for the keys of the loaded pages, and for `also` (e.g. the opened key). */
export function metaOfPages(
  meta: Record<string, KeyMeta>,
  pages: Record<number, Page>,
  also: (string | undefined)[],
): Record<string, KeyMeta> {
  const out: Record<string, KeyMeta> = {};
  const keep = (id: string | undefined) => {
    const m = id === undefined ? undefined : meta[id];
    if (m) out[id!] = m;
  };
  for (const page of Object.values(pages)) for (const r of page.rows) if (r.kind === 'key') keep(keyId(r.key));
  also.forEach(keep);
  return out;
}
