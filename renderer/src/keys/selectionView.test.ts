import { describe, expect, it } from 'vitest';
import type { KeyRow } from '../../../shared/api/keys';
import { PAGE_SIZE } from './keyPages';
import { NO_SELECTION, selectAll, selectOnly, selectRange, toggleRow, type KeySelection } from './keySelection';
import {
  selectedKeysOf,
  selectionText,
  summarizeSelection,
  targetsSelection,
  type SelectionSource,
} from './selectionView';

const rows: KeyRow[] = [
  { kind: 'folder', prefix: 'a:', name: 'a', depth: 0, count: 2, expanded: true },
  { kind: 'key', key: 'a:1', name: '1', depth: 1 },
  { kind: 'key', key: 'a:2', name: '2', depth: 1 },
  { kind: 'key', key: { base64: btoa('\xff') }, name: { base64: btoa('\xff') }, depth: 0 },
];
const source = (selection: KeySelection, loaded = true): SelectionSource & { focused: number } => ({
  pages: loaded ? { 0: { rows, generation: 0 } } : {},
  total: rows.length,
  view: 'tree' as const,
  selection,
  focused: 1,
});

describe('selection view', () => {
  it('counts keys and folders exactly when the rows are loaded', () => {
    const all = source(selectAll(NO_SELECTION));
    expect(summarizeSelection(all)).toEqual({ size: 4, keys: 3, folders: 1 });
    expect(selectionText(summarizeSelection(all))).toBe('3 keys and 1 folder selected');
    expect(selectionText(summarizeSelection(source(selectRange(selectOnly(1), 2))))).toBe('2 keys selected');
    expect(selectionText(summarizeSelection(source(selectAll(NO_SELECTION), false)))).toBe(
      '4 rows selected (keys and folders)',
    );
    expect(selectionText({ size: 3, keys: 0, folders: 3 })).toBe('3 folders selected');
  });

  it('gives the selected keys by name when the selection is small and loaded', () => {
    const sel = toggleRow(selectOnly(1), 3, rows[3]!);
    expect(selectedKeysOf(source(sel), 100)).toEqual(['a:1', { base64: btoa('\xff') }]);
    expect(selectedKeysOf(source(selectAll(NO_SELECTION)), 3)).toBeUndefined();
    expect(selectedKeysOf(source(sel, false), 100)).toBeUndefined();
    expect(selectedKeysOf(undefined, 100)).toEqual([]);
    expect(PAGE_SIZE).toBeGreaterThan(rows.length);
  });

  it('acts on the selection unless it is just the focused row', () => {
    expect(targetsSelection(source(selectOnly(1)))).toBe(false);
    expect(targetsSelection(source(NO_SELECTION))).toBe(false);
    expect(targetsSelection(source(selectOnly(2)))).toBe(true);
    expect(targetsSelection(source(selectRange(selectOnly(1), 2)))).toBe(true);
  });
});
