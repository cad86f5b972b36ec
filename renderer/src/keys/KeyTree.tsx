import { useEffect, useState, type MouseEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useRowWindow } from '../ui/useRowWindow';
import type { KeyCommand } from './keyCommands';
import { rowAt } from './keyPages';
import { isSelected } from './keySelection';
import { keyId } from '../ui/keyText';
import { useKeys } from './keysStore';
import { KeyTreeRow } from './KeyTreeRow';
import { onTreeKey } from './treeKeyboard';

const ROW_HEIGHT = 26;

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

/** The tree element's id, to give it the focus back after a menu or dialog. */
export const treeId = (sessionId: string) => `key-tree-${sessionId}`;

interface KeyTreeProps {
  sessionId: string;
  run(command: KeyCommand): void;
  /** Opens the context menu at a point (the focused row or the selection is its target). */
  onMenu(at: { x: number; y: number }): void;
}

/**
 * The virtualized ARIA tree: only rows near the viewport exist, in the DOM and in memory, for
 * any number of rows (past what a browser can lay out, the scrollbar is scaled: useRowWindow).
 * Multi-select like a file manager: Ctrl/Cmd+click toggles, Shift+click selects a range.
 */
export function KeyTree({ sessionId, run, onMenu }: KeyTreeProps) {
  // Only what the rows show: a scan's progress or a bulk action's does not re-render the tree.
  const s = useKeys(
    useShallow((st) => {
      const cur = st.bySession[sessionId];
      if (!cur) return undefined;
      const { total, generation, pages, meta, selection, focused } = cur;
      return { total, generation, pages, meta, selection, focused };
    }),
  );
  const { ensureRows, focusRow, toggleSelected } = useKeys.getState();
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);
  const total = s?.total ?? 0;
  const generation = s?.generation ?? 0;
  // A few rows beyond the viewport: enough for smooth small scrolls; each row costs on big jumps.
  const rows = useRowWindow(scroller, { count: total, rowHeight: ROW_HEIGHT, overscan: 10 });
  const { first, last } = rows;

  useEffect(() => {
    void ensureRows(sessionId, first, Math.max(last, first + 1));
  }, [sessionId, first, last, generation, ensureRows]);

  if (!s) return null;
  const { pages, meta, selection, focused } = s;
  /** The session's state as it is now, for event handlers (fresher than this render's). */
  const now = () => useKeys.getState().bySession[sessionId];

  /** The row element an event happened in, with its index and row (undefined while loading). */
  const rowOf = (e: MouseEvent) => {
    const el = (e.target as Element).closest<HTMLElement>('[data-index]');
    if (!el) return undefined;
    const index = Number(el.dataset['index']);
    const cur = now();
    return { index, row: cur && rowAt(cur, index), selection: cur?.selection ?? selection };
  };

  // One handler for every row (rows stay memoized: no per-row callbacks).
  const onClick = (e: MouseEvent) => {
    const hit = rowOf(e);
    if (!hit?.row) return;
    const { index, row } = hit;
    if (e.shiftKey) return focusRow(sessionId, index, 'extend');
    if (e.ctrlKey || e.metaKey) return toggleSelected(sessionId, index, row);
    focusRow(sessionId, index, 'select');
    run(row.kind === 'key' ? { kind: 'open', key: row.key } : { kind: 'toggleFolder', row });
  };

  const openMenuAtFocus = () => {
    if (total === 0) return;
    const at = now()?.focused ?? focused;
    const row = document.getElementById(`${sessionId}-row-${at}`);
    if (!row) rows.scrollToIndex(at);
    const rect = (row ?? scroller)?.getBoundingClientRect();
    if (rect) onMenu({ x: rect.left + 40, y: row ? rect.bottom : rect.top });
  };

  const onContextMenu = (e: MouseEvent) => {
    e.preventDefault();
    const hit = rowOf(e);
    if (!hit) return openMenuAtFocus();
    // Right-click on a row outside the selection selects that row, as file managers do.
    if (!isSelected(hit.selection, hit.index, hit.row)) focusRow(sessionId, hit.index, 'select');
    else focusRow(sessionId, hit.index, 'keep');
    onMenu({ x: e.clientX, y: e.clientY });
  };

  return (
    <div
      ref={setScroller}
      id={treeId(sessionId)}
      className="key-tree"
      role="tree"
      aria-label="Keys"
      aria-multiselectable="true"
      tabIndex={0}
      aria-activedescendant={total > 0 ? `${sessionId}-row-${focused}` : undefined}
      onKeyDown={(e) => {
        const cur = now();
        if (!cur) return;
        onTreeKey(e, {
          sessionId,
          s: cur,
          scrollTo: rows.scrollToIndex,
          run,
          openMenu: openMenuAtFocus,
        });
      }}
      onClick={onClick}
      onContextMenu={onContextMenu}
    >
      {/* The spacer gives the scrollbar its range; it clips rows drawn past its ends. */}
      <div className="key-tree-spacer" style={{ height: rows.geometry.scrollHeight }}>
        <div className="key-tree-rows" style={rows.layerStyle}>
          {range(first, last).map((index) => {
            const row = rowAt({ pages }, index);
            return (
              <KeyTreeRow
                key={index}
                row={row}
                index={index}
                top={rows.rowTop(index)}
                height={ROW_HEIGHT}
                sessionId={sessionId}
                selected={isSelected(selection, index, row)}
                focused={index === focused}
                meta={row?.kind === 'key' ? meta[keyId(row.key)] : undefined}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
