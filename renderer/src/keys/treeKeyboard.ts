import type { KeyboardEvent } from 'react';
import type { KeyCommand } from './keyCommands';
import { rowAt } from './keyPages';
import { selectionSize } from './keySelection';
import type { SessionKeys } from './keysState';
import { useKeys } from './keysStore';
import type { FocusMode } from './selectionActions';
import { targetsSelection } from './selectionView';

export interface TreeKeyContext {
  sessionId: string;
  s: SessionKeys;
  scrollTo(index: number): void;
  run(command: KeyCommand): void;
  /** Opens the context menu for the focused row (or the selection). */
  openMenu(): void;
}

const PAGE = 20;

/**
 * The tree's keyboard (WAI-ARIA multi-select tree): arrows move and select, Shift extends,
 * Ctrl moves without selecting, Space / Ctrl+Space toggles, Ctrl+A selects all, Escape
 * clears, → / ← expand and collapse, Enter opens, F2 renames, Delete deletes, the
 * ContextMenu key or Shift+F10 opens the menu.
 */
export function onTreeKey(e: KeyboardEvent, { sessionId, s, scrollTo, run, openMenu }: TreeKeyContext): void {
  const { focusRow, toggleSelected, selectAllRows, clearSelection, toggle } = useKeys.getState();
  const ctrl = e.ctrlKey || e.metaKey;
  const focusedRow = rowAt(s, s.focused);
  const multi = targetsSelection(s);
  const move = (to: number) => {
    e.preventDefault();
    const mode: FocusMode = e.shiftKey ? 'extend' : ctrl ? 'keep' : 'select';
    const index = Math.max(0, Math.min(s.total - 1, to));
    focusRow(sessionId, index, mode);
    scrollTo(index);
  };
  const handled = () => e.preventDefault();

  switch (e.key) {
    case 'ArrowDown':
      return move(s.focused + 1);
    case 'ArrowUp':
      return move(s.focused - 1);
    case 'PageDown':
      return move(s.focused + PAGE);
    case 'PageUp':
      return move(s.focused - PAGE);
    case 'Home':
      return move(0);
    case 'End':
      return move(s.total - 1);
    case 'ArrowRight':
      if (focusedRow?.kind !== 'folder') return;
      if (!focusedRow.expanded) void toggle(sessionId, focusedRow);
      else move(s.focused + 1);
      return handled();
    case 'ArrowLeft':
      if (focusedRow?.kind === 'folder' && focusedRow.expanded) void toggle(sessionId, focusedRow);
      return handled();
    case ' ':
      handled();
      if (e.shiftKey) return focusRow(sessionId, s.focused, 'extend');
      if (focusedRow) toggleSelected(sessionId, s.focused, focusedRow);
      return;
    case 'Enter':
      if (focusedRow?.kind === 'key') run({ kind: 'open', key: focusedRow.key });
      else if (focusedRow) run({ kind: 'toggleFolder', row: focusedRow });
      return handled();
    case 'Escape':
      if (selectionSize(s.selection, s.total) === 0) return;
      e.stopPropagation();
      clearSelection(sessionId);
      return handled();
    case 'F2':
      if (focusedRow?.kind === 'key') run({ kind: 'rename', key: focusedRow.key });
      return handled();
    case 'Delete':
      if (multi) run({ kind: 'deleteSelection' });
      else if (focusedRow?.kind === 'key') run({ kind: 'deleteKey', key: focusedRow.key });
      else if (focusedRow) run({ kind: 'deleteFolder', row: focusedRow });
      return handled();
    case 'ContextMenu':
      openMenu();
      return handled();
    case 'F10':
      if (!e.shiftKey) return;
      openMenu();
      return handled();
    default:
      if (ctrl && e.key.toLowerCase() === 'a') {
        selectAllRows(sessionId);
        handled();
      }
  }
}
