import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface Column {
  id: string;
  title: string;
  /** A CSS grid track: `minmax(120px, 1fr)`, `90px`… */
  width: string;
}

interface ValueTableProps {
  label: string;
  columns: Column[];
  /** Rows loaded so far. */
  rows: number;
  /** All rows the value has (HLEN…), for aria-rowcount and the status line. */
  total: number | undefined;
  cell(row: number, column: string): ReactNode;
  rowId(row: number): string;
  hasMore: boolean;
  loading: boolean;
  loadMore(): void;
  /** The row with the keyboard focus; Enter or a double-click activates it. */
  active?: number;
  onActive?(row: number): void;
  onActivate?(row: number): void;
  /** A double-click on a cell (else on the row: onActivate). */
  onCellDoubleClick?(row: number, column: string): void;
  isSelected?(row: number): boolean;
  /** Keys the grid does not handle itself (Delete, F2, Space…), with the active row. */
  onKey?(e: KeyboardEvent, row: number): void;
  empty: ReactNode;
}

const ROW_HEIGHT = 28;

/**
 * A virtualized ARIA grid of a value's elements: only rows near the viewport are in the DOM,
 * and the next page is asked for as the user scrolls near the end of what is loaded.
 */
export function ValueTable(p: ValueTableProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const idBase = useId();
  const virtualizer = useVirtualizer({
    count: p.rows,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const lastShown = items.at(-1)?.index ?? -1;
  const { hasMore, loading, loadMore, rows } = p;
  useEffect(() => {
    if (hasMore && !loading && lastShown >= rows - 30) loadMore();
  }, [hasMore, loading, lastShown, rows, loadMore]);

  const template = p.columns.map((c) => c.width).join(' ');
  const active = p.active ?? -1;
  const onKeyDown = (e: KeyboardEvent) => {
    const go = (row: number) => {
      e.preventDefault();
      const next = Math.max(0, Math.min(p.rows - 1, row));
      p.onActive?.(next);
      virtualizer.scrollToIndex(next);
    };
    if (e.key === 'ArrowDown') return go(active + 1);
    if (e.key === 'ArrowUp') return go(active - 1);
    if (e.key === 'PageDown') return go(active + 10);
    if (e.key === 'PageUp') return go(active - 10);
    if (e.key === 'Home') return go(0);
    if (e.key === 'End') return go(p.rows - 1);
    if (e.key === 'Enter' && active >= 0) {
      e.preventDefault();
      return p.onActivate?.(active);
    }
    if (active >= 0) p.onKey?.(e, active);
  };

  return (
    <div
      ref={scroller}
      className="value-table"
      role="grid"
      aria-label={p.label}
      aria-rowcount={p.total === undefined ? -1 : p.total + 1}
      aria-multiselectable={p.isSelected ? true : undefined}
      tabIndex={0}
      aria-activedescendant={active >= 0 && active < p.rows ? `${idBase}-row-${active}` : undefined}
      onKeyDown={onKeyDown}
    >
      <div className="value-table-head" role="row" aria-rowindex={1} style={{ gridTemplateColumns: template }}>
        {p.columns.map((c) => (
          <div key={c.id} role="columnheader" className={`cell cell-${c.id}`}>
            {c.title}
          </div>
        ))}
      </div>
      {p.rows === 0 && !p.loading && <div className="value-table-empty">{p.empty}</div>}
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((item) => (
          <div
            key={p.rowId(item.index)}
            id={`${idBase}-row-${item.index}`}
            role="row"
            aria-rowindex={item.index + 2}
            aria-selected={p.isSelected ? p.isSelected(item.index) : undefined}
            className={`value-row ${item.index === active ? 'value-row-active' : ''} ${p.isSelected?.(item.index) ? 'value-row-selected' : ''}`}
            style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT, gridTemplateColumns: template }}
            onClick={() => p.onActive?.(item.index)}
            onDoubleClick={() => p.onActivate?.(item.index)}
          >
            {p.columns.map((c) => (
              <div
                key={c.id}
                role="gridcell"
                className={`cell cell-${c.id}`}
                onDoubleClick={(e) => {
                  if (!p.onCellDoubleClick) return;
                  e.stopPropagation();
                  p.onCellDoubleClick(item.index, c.id);
                }}
              >
                {p.cell(item.index, c.id)}
              </div>
            ))}
          </div>
        ))}
      </div>
      {p.loading && (
        <div className="value-table-loading" role="status">
          Loading more…
        </div>
      )}
    </div>
  );
}
