import type { TFunction } from 'i18next';
import type { KeyBytes, KeyRow } from '../../../shared/api/keys';
import { i18n } from '../i18n/i18n';
import { rowAt, type Page } from './keyPages';
import { isSelected, rangeBounds, rowId, selectionSize, type KeySelection } from './keySelection';

/** The parts of a session's key state the selection is read from. */
export interface SelectionSource {
  pages: Record<number, Page>;
  total: number;
  view: 'tree' | 'flat';
  selection: KeySelection;
}

/**
 * The selected rows as loaded in the renderer (range rows in tree order, then picked rows), or
 * undefined when there are more than `limit` or one of them is not loaded: big selections are
 * read from core page by page (resolveSelection), never materialised here.
 */
export function loadedSelectedRows(s: SelectionSource, limit: number): KeyRow[] | undefined {
  if (selectionSize(s.selection, s.total) > limit) return undefined;
  const rows: KeyRow[] = [];
  const seen = new Set<string>();
  const bounds = rangeBounds(s.selection, s.total);
  if (bounds) {
    for (let i = bounds[0]; i <= bounds[1]; i++) {
      const row = rowAt(s, i);
      if (!row) return undefined;
      if (!isSelected(s.selection, i, row)) continue;
      seen.add(rowId(row));
      rows.push(row);
    }
  }
  for (const [id, row] of Object.entries(s.selection.picked)) if (!seen.has(id)) rows.push(row);
  return rows;
}

export interface SelectionSummary {
  /** Selected rows. */
  size: number;
  /** Exact split into keys and folders, when known without asking core. */
  keys?: number;
  folders?: number;
}

/** Rows beyond which the bar does not count kinds row by row (the range is then mostly unloaded). */
const COUNT_LIMIT = 5_000;

export function summarizeSelection(s: SelectionSource): SelectionSummary {
  const size = selectionSize(s.selection, s.total);
  if (s.view === 'flat') return { size, keys: size, folders: 0 };
  const rows = loadedSelectedRows(s, COUNT_LIMIT);
  if (!rows) return { size };
  const folders = rows.filter((r) => r.kind === 'folder').length;
  return { size, keys: rows.length - folders, folders };
}

/** "12 keys selected", "3 keys and 1 folder selected", "1,204 rows selected (keys and folders)". */
export function selectionText({ size, keys, folders }: SelectionSummary, t: TFunction = i18n.t): string {
  if (keys === undefined || folders === undefined) return t('keys.selection.rows', { count: size });
  if (folders === 0) return t('keys.selection.keys', { count: keys });
  if (keys === 0) return t('keys.selection.folders', { count: folders });
  return t('keys.selection.both', {
    keys: t('keys.selection.keyCount', { count: keys }),
    folders: t('keys.selection.folderCount', { count: folders }),
  });
}

/**
 * The selected keys by name when the selection is small and loaded (folders left out), else
 * undefined. What features acting on "these few keys" (compare values) start from.
 */
export function selectedKeysOf(s: SelectionSource | undefined, limit: number): KeyBytes[] | undefined {
  if (!s) return [];
  return loadedSelectedRows(s, limit)?.flatMap((r) => (r.kind === 'key' ? [r.key] : []));
}

/**
 * Whether actions (Delete, the context menu) go to the selection: yes unless it is empty or just
 * the focused row, which then acts as itself (with its own, more specific actions).
 */
export function targetsSelection(s: SelectionSource & { focused: number }): boolean {
  const size = selectionSize(s.selection, s.total);
  return size > 1 || (size === 1 && !isSelected(s.selection, s.focused, rowAt(s, s.focused)));
}
