import { describe, expect, it } from 'vitest';
import type { KeyRow } from '../../../shared/api/keys';
import {
  isSelected,
  keepPicked,
  NO_SELECTION,
  rangeBounds,
  selectAll,
  selectionSize,
  selectOnly,
  selectRange,
  toggleRow,
} from './keySelection';

const key = (name: string): KeyRow => ({ kind: 'key', key: name, name, depth: 0 });
const folder = (prefix: string): KeyRow => ({
  kind: 'folder',
  prefix,
  name: prefix.slice(0, -1),
  depth: 0,
  count: 3,
  expanded: false,
});
const rows = Array.from({ length: 10 }, (_, i) => key(`k${i}`));
const selectedIndices = (sel: ReturnType<typeof selectOnly>, total = 10) =>
  Array.from({ length: total }, (_, i) => i).filter((i) => isSelected(sel, i, rows[i]));

describe('key selection', () => {
  it('starts empty; a click selects one row', () => {
    expect(selectionSize(NO_SELECTION, 10)).toBe(0);
    expect(selectedIndices(NO_SELECTION)).toEqual([]);
    const one = selectOnly(3);
    expect(selectedIndices(one)).toEqual([3]);
    expect(selectionSize(one, 10)).toBe(1);
  });

  it('Shift extends from the anchor in either direction, replacing the rest', () => {
    const sel = selectRange(toggleRow(selectOnly(5), 1, rows[1]!), 8);
    expect(sel.anchor).toBe(1);
    expect(selectedIndices(sel)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const back = selectRange(selectOnly(5), 2);
    expect(selectedIndices(back)).toEqual([2, 3, 4, 5]);
    expect(selectionSize(back, 10)).toBe(4);
  });

  it('Ctrl toggles single rows in and out, by identity outside the range', () => {
    let sel = selectRange(selectOnly(2), 5); // 2..5
    sel = toggleRow(sel, 3, rows[3]!); // off inside the range
    sel = toggleRow(sel, 8, rows[8]!); // on outside it
    expect(selectedIndices(sel)).toEqual([2, 4, 5, 8]);
    expect(selectionSize(sel, 10)).toBe(4);
    sel = toggleRow(sel, 3, rows[3]!); // back on
    sel = toggleRow(sel, 8, rows[8]!); // back off
    expect(selectedIndices(sel)).toEqual([2, 3, 4, 5]);
    expect(selectionSize(sel, 10)).toBe(4);
    expect(sel.anchor).toBe(8);
  });

  it('a picked row stays selected wherever the layout moves it', () => {
    let sel = toggleRow(selectOnly(0), 6, rows[6]!);
    sel = keepPicked(sel, 0);
    // k6 moved to index 9 after a folder above it expanded.
    expect(isSelected(sel, 9, rows[6])).toBe(true);
    expect(isSelected(sel, 6, rows[2])).toBe(false);
    expect(selectionSize(sel, 10)).toBe(2);
  });

  it('a layout change keeps the focused row only if it was still selected', () => {
    expect(keepPicked(selectRange(selectOnly(2), 5), 5).range).toEqual({ from: 5, to: 5 });
    // Escape cleared the selection before the folder's expansion landed: nothing comes back.
    expect(selectionSize(keepPicked(NO_SELECTION, 0), 10)).toBe(0);
    expect(keepPicked(selectAll(selectOnly(1)), 1).range).toBe('all');
  });

  it('keys and folders with the same text are different rows', () => {
    const sel = toggleRow(NO_SELECTION, 4, folder('a:'));
    expect(isSelected(sel, 4, folder('a:'))).toBe(true);
    expect(isSelected(sel, 4, key('a:'))).toBe(false);
  });

  it('select all covers rows a scan adds later, minus rows toggled off; stays two numbers', () => {
    let sel = selectAll(selectOnly(2));
    expect(selectionSize(sel, 1_000_000)).toBe(1_000_000);
    sel = toggleRow(sel, 7, rows[7]!);
    expect(selectionSize(sel, 2_000_000)).toBe(1_999_999);
    expect(isSelected(sel, 1_500_000, undefined)).toBe(true);
    expect(rangeBounds(sel, 2_000_000)).toEqual([0, 1_999_999]);
    expect(JSON.stringify(sel).length).toBeLessThan(100);
  });

  it('clamps a range to the rows that still exist', () => {
    const sel = selectRange(selectOnly(5), 9);
    expect(selectionSize(sel, 7)).toBe(2);
    expect(rangeBounds(sel, 7)).toEqual([5, 6]);
    expect(selectionSize(sel, 4)).toBe(0);
    expect(rangeBounds(sel, 4)).toBeUndefined();
  });
});
