import type { KeyRow } from '../../../shared/api/keys';
import { keyId } from '../ui/keyText';

/** A row's identity whatever its position: a key's bytes or a folder's prefix. */
export const rowId = (row: KeyRow): string => (row.kind === 'key' ? `k${keyId(row.key)}` : `f${keyId(row.prefix)}`);

/**
 * The tree's multi-selection, compact at any size (selecting a million rows stores two numbers):
 * - `range`: one contiguous run of row indices in the current layout (a plain click, Shift+click,
 *   Shift+arrows), or every row (`all`, Ctrl+A) however many the scan adds;
 * - `excluded`: rows Ctrl+clicked off inside the range, by identity;
 * - `picked`: rows Ctrl+clicked on outside the range, by identity, with the row itself (they are
 *   clicked one by one, so few), surviving folders being expanded or collapsed.
 * The keys themselves are resolved from core page by page only when an action needs them.
 */
export interface KeySelection {
  /** Where Shift ranges start. */
  anchor: number;
  range?: { from: number; to: number } | 'all';
  excluded: Record<string, true>;
  picked: Record<string, KeyRow>;
}

export const NO_SELECTION: KeySelection = { anchor: 0, excluded: {}, picked: {} };

/** Only this row (a plain click or arrow key). */
export const selectOnly = (index: number): KeySelection => ({
  anchor: index,
  range: { from: index, to: index },
  excluded: {},
  picked: {},
});

/** Anchor to `index`, replacing the rest (Shift+click, Shift+arrows), as file managers do. */
export const selectRange = (sel: KeySelection, index: number): KeySelection => ({
  anchor: sel.anchor,
  range: { from: Math.min(sel.anchor, index), to: Math.max(sel.anchor, index) },
  excluded: {},
  picked: {},
});

/** Every row of the view (Ctrl+A), including rows a running scan adds later. */
export const selectAll = (sel: KeySelection): KeySelection => ({
  anchor: sel.anchor,
  range: 'all',
  excluded: {},
  picked: {},
});

const inRange = (sel: KeySelection, index: number): boolean =>
  sel.range === 'all' || (!!sel.range && index >= sel.range.from && index <= sel.range.to);

/** Whether the row at `index` is selected (`row` undefined while its page is loading). */
export function isSelected(sel: KeySelection, index: number, row: KeyRow | undefined): boolean {
  if (!row) return inRange(sel, index);
  const id = rowId(row);
  return !!sel.picked[id] || (inRange(sel, index) && !sel.excluded[id]);
}

/** Ctrl+click / Ctrl+Space: flips one row, keeps the rest; the row becomes the anchor. */
export function toggleRow(sel: KeySelection, index: number, row: KeyRow): KeySelection {
  const id = rowId(row);
  const excluded = { ...sel.excluded };
  const picked = { ...sel.picked };
  if (picked[id]) delete picked[id];
  else if (inRange(sel, index)) {
    if (excluded[id]) delete excluded[id];
    else excluded[id] = true;
  } else picked[id] = row;
  return { anchor: index, range: sel.range, excluded, picked };
}

/**
 * The layout changed under the range (a folder expanded or collapsed): index ranges no longer
 * mean the same rows, so of the range only the focused row stays, and only if it was selected
 * when the change landed (Escape pressed while a folder was still opening stays cleared). Rows
 * picked by identity stay; so does "every row" (Ctrl+A).
 */
export function keepPicked(sel: KeySelection, focused: number): KeySelection {
  if (sel.range === 'all') return sel;
  const range = inRange(sel, focused) ? { from: focused, to: focused } : undefined;
  return { anchor: focused, range, excluded: sel.excluded, picked: sel.picked };
}

/** Rows in the range, clamped to the rows that exist. */
export function rangeSize(sel: KeySelection, total: number): number {
  if (sel.range === 'all') return total;
  if (!sel.range || sel.range.from >= total) return 0;
  return Math.min(sel.range.to, total - 1) - sel.range.from + 1;
}

/** How many rows are selected. */
export const selectionSize = (sel: KeySelection, total: number): number =>
  Math.max(0, rangeSize(sel, total) - Object.keys(sel.excluded).length) + Object.keys(sel.picked).length;

/** The range as [from, to] in a view of `total` rows, or undefined when it is empty. */
export function rangeBounds(sel: KeySelection, total: number): [number, number] | undefined {
  const size = rangeSize(sel, total);
  if (size === 0) return undefined;
  const from = sel.range === 'all' ? 0 : sel.range!.from;
  return [from, from + size - 1];
}
