import { memo } from 'react';
import type { KeyMeta, KeyRow } from '../../../shared/api/keys';
import { displayKey } from '../ui/keyText';

const TYPE_LABELS: Record<string, string> = {
  string: 'STR',
  hash: 'HASH',
  list: 'LIST',
  set: 'SET',
  zset: 'ZSET',
  stream: 'STRM',
  none: 'GONE',
};

// One formatter for every row (toLocaleString would set one up per call).
const countFormat = new Intl.NumberFormat('en-US');
const formatCount = (n: number) => countFormat.format(n);

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

interface RowProps {
  row: KeyRow | undefined;
  index: number;
  /** Where the row sits in the scrolled content (px) and its height. */
  top: number;
  height: number;
  sessionId: string;
  selected: boolean;
  focused: boolean;
  meta: KeyMeta | undefined;
}

/**
 * One `treeitem`: a folder (twisty, name, key count) or a key (type badge, name, TTL), at its
 * place in the virtual list. Memoized: a page or a TYPE/TTL arriving, or a scroll step, only
 * renders the rows whose props changed (clicks are handled by the tree, not per row).
 */
export const KeyTreeRow = memo(function KeyTreeRow({ top, height, ...props }: RowProps) {
  return (
    <div style={{ position: 'absolute', top: 0, left: 0, right: 0, height, transform: `translateY(${top}px)` }}>
      <RowContent {...props} />
    </div>
  );
});

function RowContent({ row, index, sessionId, selected, focused, meta }: Omit<RowProps, 'top' | 'height'>) {
  const common = {
    id: `${sessionId}-row-${index}`,
    role: 'treeitem',
    'aria-selected': selected,
    'data-index': index,
    className: `key-row ${selected ? 'key-row-selected' : ''} ${focused ? 'key-row-focused' : ''}`,
  } as const;
  if (!row) {
    return (
      <div {...common} aria-level={1} className={`${common.className} key-row-loading`}>
        …
      </div>
    );
  }
  const style = { paddingLeft: 8 + row.depth * 16 };
  const name = displayKey(row.name);
  if (row.kind === 'folder') {
    return (
      <div {...common} style={style} aria-level={row.depth + 1} aria-label={name} aria-expanded={row.expanded}>
        <span className="twisty" aria-hidden="true">
          {row.expanded ? '▾' : '▸'}
        </span>
        <span className="key-name">{name}</span>
        <span className="folder-count">{formatCount(row.count)}</span>
      </div>
    );
  }
  return (
    <div {...common} style={style} aria-level={row.depth + 1} aria-label={name} title={displayKey(row.key)}>
      <span className={`type-badge type-${meta?.type ?? 'unknown'}`}>
        {meta ? (TYPE_LABELS[meta.type] ?? meta.type) : ''}
      </span>
      <span className="key-name">{name}</span>
      {meta && meta.ttlMs >= 0 && <span className="key-ttl">{formatTtl(meta.ttlMs)}</span>}
    </div>
  );
}
