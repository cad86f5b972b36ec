import type { KeyRow } from '../../../shared/api/keys';
import { selectAll, selectOnly, selectRange, toggleRow } from './keySelection';
import type { StoreContext } from './keysState';

/** How moving the focus treats the selection: follow it, extend the range to it, or keep it. */
export type FocusMode = 'select' | 'extend' | 'keep';

export interface SelectionActions {
  /** Moves the focus to a row (clamped to the rows that exist). */
  focusRow(sessionId: string, index: number, mode?: FocusMode): void;
  /** Ctrl+click / Ctrl+Space: adds or removes one row. */
  toggleSelected(sessionId: string, index: number, row: KeyRow): void;
  /** Ctrl+A: every row of the view. */
  selectAllRows(sessionId: string): void;
  /** Escape: nothing selected (the focus stays where it is). */
  clearSelection(sessionId: string): void;
}

export function selectionActions({ patch }: StoreContext): SelectionActions {
  return {
    focusRow: (sessionId, index, mode = 'select') =>
      patch(sessionId, (s) => {
        const focused = Math.max(0, Math.min(index, Math.max(0, s.total - 1)));
        const selection =
          mode === 'select' ? selectOnly(focused) : mode === 'extend' ? selectRange(s.selection, focused) : s.selection;
        return { focused, selection };
      }),
    toggleSelected: (sessionId, index, row) =>
      patch(sessionId, (s) => ({ focused: index, selection: toggleRow(s.selection, index, row) })),
    selectAllRows: (sessionId) => patch(sessionId, (s) => ({ selection: selectAll(s.selection) })),
    clearSelection: (sessionId) =>
      patch(sessionId, (s) => ({ selection: { anchor: s.focused, excluded: {}, picked: {} } })),
  };
}
