import { useCallback, useMemo, useState } from 'react';
import type { KeyBytes } from '../../../shared/api/keys';
import type { ValueHeader, ValuePreview } from '../../../shared/api/values';
import { LoadFailed } from './LoadFailed';
import { COLLECTIONS, type CollectionRow } from './collectionPages';
import { previewSize, previewText } from './previewText';
import { usePagedRows } from './usePagedRows';
import type { BodyEvents } from './valueBody';
import { count } from './valueBytes';
import { describeSize } from './ValueHeaderBar';
import { ValueFilter } from './ValueFilter';
import { ValueTable } from './ValueTable';
import { useEditorDb } from './editorDb';

const idOf = (row: CollectionRow) => row.id;

/** A list, set, sorted set or stream, viewable page by page in the same virtualized grid. */
export function CollectionValue({
  sessionId,
  keyBytes,
  header,
  events,
}: {
  sessionId: string;
  keyBytes: KeyBytes;
  header: ValueHeader;
  events: BodyEvents;
}) {
  const kind = COLLECTIONS[header.type]!;
  const [match, setMatch] = useState('');
  const [active, setActive] = useState(-1);
  const { onGone, onWrongType } = events;
  const db = useEditorDb();
  const base = useMemo(() => kind.fetch({ sessionId, db }, keyBytes, match), [kind, sessionId, db, keyBytes, match]);
  const fetchRows = useCallback(
    async (from: string | undefined) => {
      const r = await base(from);
      if (!r.ok && r.error.code === 'NOT_FOUND') onGone();
      if (!r.ok && r.error.code === 'WRONGTYPE') onWrongType(r.error);
      return r;
    },
    [base, onGone, onWrongType],
  );
  const paged = usePagedRows(fetchRows, idOf);
  const rows = paged.rows;
  const cell = (row: number, column: string) => {
    const value = rows[row]!.cells[column];
    if (value === undefined) return '';
    if (typeof value === 'string') return <span title={value}>{value}</span>;
    const text = previewText(value as ValuePreview);
    return (
      <span title={`${text} (${previewSize(value as ValuePreview)})`} className="preview">
        {text}
      </span>
    );
  };
  const total = paged.length ?? header.size ?? 0;
  return (
    <div className="collection">
      {kind.filter && (
        <div className="collection-toolbar">
          <ValueFilter label={kind.filter} onApply={setMatch} />
        </div>
      )}
      <p className="hint collection-status" role="status">
        {match
          ? `Matching “${match}”: ${count(rows.length)} found${paged.done ? '' : ' so far'}`
          : `${count(rows.length)} of ${describeSize({ ...header, size: total })} loaded`}
        {paged.done ? '' : ' — scroll for more'}. Viewing only: editing {header.type}s comes in a later release.
      </p>
      {paged.error && <LoadFailed error={paged.error} onRetry={paged.loadMore} />}
      <ValueTable
        label={`${header.type} elements`}
        columns={kind.columns}
        rows={rows.length}
        total={paged.length}
        cell={cell}
        rowId={(row) => rows[row]!.id}
        hasMore={!paged.done && !paged.error}
        loading={paged.loading}
        loadMore={paged.loadMore}
        active={active}
        onActive={setActive}
        empty={match ? 'Nothing matches.' : 'Empty.'}
      />
    </div>
  );
}
