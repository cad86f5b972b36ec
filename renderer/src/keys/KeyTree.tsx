import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { KeyRow } from '../../../shared/api/keys';
import { displayKey, keyId } from './keyText';
import { rowAt, useKeys, type SessionKeys } from './keysStore';

const ROW_HEIGHT = 26;
const TYPE_LABELS: Record<string, string> = {
  string: 'STR',
  hash: 'HASH',
  list: 'LIST',
  set: 'SET',
  zset: 'ZSET',
  stream: 'STRM',
  none: 'GONE',
};

const formatTtl = (ms: number) => {
  if (ms < 0) return '';
  const s = Math.round(ms / 1000);
  return s < 120
    ? `${s}s`
    : s < 7200
      ? `${Math.round(s / 60)}m`
      : s < 172800
        ? `${Math.round(s / 3600)}h`
        : `${Math.round(s / 86400)}d`;
};

function Row({
  row,
  index,
  s,
  sessionId,
}: {
  row: KeyRow | undefined;
  index: number;
  s: SessionKeys;
  sessionId: string;
}) {
  const { toggle, select, open } = useKeys.getState();
  if (!row) {
    return (
      <div
        className="key-row key-row-loading"
        role="treeitem"
        aria-level={1}
        aria-selected={false}
        id={`${sessionId}-row-${index}`}
      >
        …
      </div>
    );
  }
  const selected = s.selected === index;
  const common = {
    id: `${sessionId}-row-${index}`,
    role: 'treeitem',
    'aria-level': row.depth + 1,
    'aria-selected': selected,
    className: `key-row ${selected ? 'key-row-selected' : ''}`,
    style: { paddingLeft: 8 + row.depth * 16 },
  } as const;
  if (row.kind === 'folder') {
    return (
      <div
        {...common}
        aria-label={displayKey(row.name)}
        aria-expanded={row.expanded}
        onClick={() => (select(sessionId, index), void toggle(sessionId, row))}
      >
        <span className="twisty" aria-hidden="true">
          {row.expanded ? '▾' : '▸'}
        </span>
        <span className="key-name">{displayKey(row.name)}</span>
        <span className="folder-count">{row.count.toLocaleString('en-US')}</span>
      </div>
    );
  }
  const meta = s.meta[keyId(row.key)];
  return (
    <div
      {...common}
      aria-label={displayKey(row.name)}
      onClick={() => (select(sessionId, index), open(sessionId, row.key))}
      title={displayKey(row.key)}
    >
      <span className={`type-badge type-${meta?.type ?? 'unknown'}`}>
        {meta ? (TYPE_LABELS[meta.type] ?? meta.type) : ''}
      </span>
      <span className="key-name">{displayKey(row.name)}</span>
      {meta && meta.ttlMs >= 0 && <span className="key-ttl">{formatTtl(meta.ttlMs)}</span>}
    </div>
  );
}

/** The virtualized ARIA tree: only rows near the viewport exist, in the DOM and in memory. */
export function KeyTree({ sessionId, onDeleteRequest }: { sessionId: string; onDeleteRequest(row: KeyRow): void }) {
  const s = useKeys((st) => st.bySession[sessionId]);
  const { ensureRows, select, toggle, open } = useKeys.getState();
  const scroller = useRef<HTMLDivElement>(null);
  const total = s?.total ?? 0;
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = (items.at(-1)?.index ?? 0) + 1;
  const generation = s?.generation ?? 0;

  useEffect(() => {
    void ensureRows(sessionId, first, Math.max(last, first + 1));
  }, [sessionId, first, last, generation, ensureRows]);

  if (!s) return null;
  const selectedRow = rowAt(s, s.selected);

  const onKeyDown = (e: KeyboardEvent) => {
    const move = (to: number) => {
      e.preventDefault();
      const index = Math.max(0, Math.min(total - 1, to));
      select(sessionId, index);
      virtualizer.scrollToIndex(index);
    };
    switch (e.key) {
      case 'ArrowDown':
        return move(s.selected + 1);
      case 'ArrowUp':
        return move(s.selected - 1);
      case 'PageDown':
        return move(s.selected + 20);
      case 'PageUp':
        return move(s.selected - 20);
      case 'Home':
        return move(0);
      case 'End':
        return move(total - 1);
      case 'ArrowRight':
        if (selectedRow?.kind === 'folder' && !selectedRow.expanded) void toggle(sessionId, selectedRow);
        else if (selectedRow?.kind === 'folder') move(s.selected + 1);
        return;
      case 'ArrowLeft':
        if (selectedRow?.kind === 'folder' && selectedRow.expanded) void toggle(sessionId, selectedRow);
        return;
      case 'Enter':
        if (selectedRow?.kind === 'key') open(sessionId, selectedRow.key);
        else if (selectedRow) void toggle(sessionId, selectedRow);
        return;
      case 'Delete':
        if (selectedRow) onDeleteRequest(selectedRow);
        return;
    }
  };

  return (
    <div
      ref={scroller}
      className="key-tree"
      role="tree"
      aria-label="Keys"
      tabIndex={0}
      aria-activedescendant={total > 0 ? `${sessionId}-row-${s.selected}` : undefined}
      onKeyDown={onKeyDown}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((item) => (
          <div
            key={item.key}
            style={{
              position: 'absolute',
              top: 0,
              left: 0,
              right: 0,
              height: ROW_HEIGHT,
              transform: `translateY(${item.start}px)`,
            }}
          >
            <Row row={rowAt(s, item.index)} index={item.index} s={s} sessionId={sessionId} />
          </div>
        ))}
      </div>
    </div>
  );
}
