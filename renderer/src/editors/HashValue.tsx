import { useCallback, useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import type { KeyBytes } from '../../../shared/api/keys';
import type { HashEntry, ValueHeader } from '../../../shared/api/values';
import { displayKey, keyId } from '../ui/keyText';
import { useWritePause } from '../sessions/sessionsStore';
import { errorText } from './apiErrors';
import { LoadFailed } from './LoadFailed';
import { AddFieldDialog, DeleteFieldsDialog, RenameFieldDialog } from './FieldDialogs';
import { FieldPanel } from './FieldPanel';
import { InlineValueEdit } from './InlineValueEdit';
import { bytesPreview, editableInline, previewSize, previewText, wholePreview as preview } from './previewText';
import { usePagedRows, type FetchRows } from './usePagedRows';
import type { BodyEvents } from './valueBody';
import { count } from './valueBytes';
import { ValueFilter } from './ValueFilter';
import { ValueTable, type Column } from './ValueTable';
import { useEditorDb } from './editorDb';
import { useFadingNotice } from '../ui/fade';
import { valueCall } from './valueCalls';

/** Field names up to this many bytes come whole with each page (longer ones cannot be addressed). */
const PREVIEW_BYTES = 4096;
const PAGE = 500;

const idOf = (e: HashEntry) => keyId(e.field.value);
type Dialog = { kind: 'add' } | { kind: 'rename'; field: KeyBytes } | { kind: 'delete'; fields: KeyBytes[] };

/**
 * A hash, paged with HSCAN (never HGETALL) into a virtualized grid: filter with HSCAN MATCH, add
 * (HSETNX by default), edit in place or in the side editor, rename atomically, delete several.
 */
export function HashValue({
  sessionId,
  keyBytes,
  header,
  readOnly,
  events,
}: {
  sessionId: string;
  /** The opened key (stable, unlike header.key which is new with every header read). */
  keyBytes: KeyBytes;
  header: ValueHeader;
  readOnly: boolean;
  events: BodyEvents;
}) {
  const key = keyBytes;
  const [match, setMatch] = useState('');
  const [active, setActive] = useState(-1);
  const [selected, setSelected] = useState<Map<string, KeyBytes>>(new Map());
  const [open, setOpen] = useState<KeyBytes>();
  const [inline, setInline] = useState<string>();
  const [dialog, setDialog] = useState<Dialog>();
  const [notice, setNotice] = useFadingNotice<{ text: string; error?: boolean }>();
  const paused = useWritePause(sessionId);
  const db = useEditorDb();
  const { onGone, onWrongType, onChanged } = events;

  const fetchRows: FetchRows<HashEntry> = useCallback(
    async (cursor) => {
      const r = await valueCall('values.hash.scan', {
        sessionId,
        db,
        key,
        cursor: cursor ?? '0',
        count: PAGE,
        previewBytes: PREVIEW_BYTES,
        ...(match ? { match } : {}),
      });
      if (!r.ok) {
        if (r.error.code === 'NOT_FOUND') onGone();
        if (r.error.code === 'WRONGTYPE') onWrongType(r.error);
        return r;
      }
      const { entries, cursor: next, length } = r.value;
      return { ok: true, value: { rows: entries, next: next === '0' ? undefined : next, length } };
    },
    [sessionId, db, key, match, onGone, onWrongType],
  );
  const paged = usePagedRows(fetchRows, idOf, 200);
  const rows = paged.rows;
  // One total: HLEN as last read, by a page or by the header (read again after every write here).
  const { setLength } = paged;
  useEffect(() => {
    if (header.size !== null) setLength(header.size);
  }, [header.size, setLength]);

  const columns: Column[] = useMemo(
    () => [
      ...(readOnly ? [] : [{ id: 'pick', title: '', width: '30px' }]),
      { id: 'field', title: 'Field', width: 'minmax(90px, 2fr)' },
      { id: 'value', title: 'Value', width: 'minmax(120px, 3fr)' },
      { id: 'size', title: 'Size', width: '80px' },
    ],
    [readOnly],
  );

  const toggle = (entry: HashEntry) =>
    setSelected((prev) => {
      const next = new Map(prev);
      const id = idOf(entry);
      if (next.has(id)) next.delete(id);
      else next.set(id, entry.field.value);
      return next;
    });

  const usable = (entry: HashEntry | undefined): entry is HashEntry => !!entry && !entry.field.truncated;

  const cell = (row: number, column: string) => {
    const entry = rows[row]!;
    const name = previewText(entry.field);
    switch (column) {
      case 'pick':
        return (
          <input
            type="checkbox"
            aria-label={`Select field ${name}`}
            checked={selected.has(idOf(entry))}
            disabled={entry.field.truncated}
            onClick={(e) => e.stopPropagation()}
            onChange={() => toggle(entry)}
          />
        );
      case 'field':
        return <span title={name}>{name}</span>;
      case 'value':
        if (inline === idOf(entry))
          return (
            <InlineValueEdit
              sessionId={sessionId}
              keyBytes={key}
              field={entry.field.value}
              initial={entry.value.value as string}
              onCancel={() => setInline(undefined)}
              onDone={(value) => {
                setInline(undefined);
                paged.update((all) => all.map((e) => (idOf(e) === idOf(entry) ? { ...e, value: preview(value) } : e)));
              }}
            />
          );
        return <span title={previewText(entry.value)}>{previewText(entry.value)}</span>;
      default:
        return previewSize(entry.value);
    }
  };

  const openField = (row: number) => {
    const entry = rows[row];
    if (usable(entry)) setOpen(entry.field.value);
  };
  const editInline = (row: number) => {
    const entry = rows[row];
    if (!usable(entry)) return;
    if (!readOnly && editableInline(entry.value)) setInline(idOf(entry));
    else setOpen(entry.field.value);
  };

  const selectedFields = [...selected.values()];
  const onKey = (e: KeyboardEvent, row: number) => {
    const entry = rows[row];
    if (readOnly || !usable(entry)) return;
    if (e.key === ' ') {
      e.preventDefault();
      toggle(entry);
    } else if (e.key === 'Delete') {
      e.preventDefault();
      setDialog({ kind: 'delete', fields: selectedFields.length > 0 ? selectedFields : [entry.field.value] });
    } else if (e.key === 'F2') {
      e.preventDefault();
      setDialog({ kind: 'rename', field: entry.field.value });
    } else if (e.key === 'e') {
      e.preventDefault();
      editInline(row);
    }
  };

  const deleteFields = async (fields: KeyBytes[]) => {
    setDialog(undefined);
    const r = await valueCall('values.hash.deleteFields', { sessionId, db, key, fields });
    if (!r.ok) return setNotice({ text: `Could not delete: ${errorText(r.error)}`, error: true });
    if (r.value.keyDeleted) return onGone();
    const gone = new Set(fields.map(keyId));
    paged.update((all) => all.filter((e) => !gone.has(idOf(e))), -r.value.deleted);
    setSelected(new Map());
    if (open && gone.has(keyId(open))) setOpen(undefined);
    setActive(-1);
    setNotice({ text: `Deleted ${count(r.value.deleted)} ${r.value.deleted === 1 ? 'field' : 'fields'}.` });
    onChanged();
  };

  const loaded = `${count(rows.length)} of ${count(paged.length ?? header.size ?? 0)} fields loaded`;
  return (
    <div className={`collection hash-value ${open ? 'with-panel' : ''}`}>
      <div className="collection-toolbar">
        <ValueFilter label="Filter fields" onApply={setMatch} />
        {!readOnly && (
          <>
            <button type="button" disabled={!!paused} title={paused} onClick={() => setDialog({ kind: 'add' })}>
              Add field…
            </button>
            <button
              type="button"
              className="danger"
              disabled={selected.size === 0 || !!paused}
              title={paused}
              onClick={() => setDialog({ kind: 'delete', fields: selectedFields })}
            >
              Delete {selected.size > 0 ? count(selected.size) : ''} selected…
            </button>
          </>
        )}
      </div>
      <p className="hint collection-status" role="status">
        {match ? `Fields matching “${match}”: ${count(rows.length)} found${paged.done ? '' : ' so far'}` : loaded}
        {paged.done ? '' : ' — scroll for more'}
        {readOnly
          ? ''
          : '. Double-click or E edits a value, Enter opens it, Space selects, F2 renames, Delete deletes.'}
      </p>
      {paged.error && <LoadFailed error={paged.error} onRetry={paged.loadMore} />}
      {notice && (
        <p className={notice.error ? 'field-error' : 'hint'} role={notice.error ? 'alert' : 'status'}>
          {notice.text}
        </p>
      )}
      <ValueTable
        label="Hash fields"
        columns={columns}
        rows={rows.length}
        total={paged.length}
        cell={cell}
        rowId={(row) => idOf(rows[row]!)}
        hasMore={!paged.done && !paged.error}
        loading={paged.loading}
        loadMore={paged.loadMore}
        active={active}
        onActive={setActive}
        onActivate={openField}
        isSelected={readOnly ? undefined : (row) => selected.has(idOf(rows[row]!))}
        onKey={onKey}
        empty={match ? 'No field matches.' : 'This hash has no fields.'}
        onCellDoubleClick={(row, column) => (column === 'value' ? editInline(row) : openField(row))}
      />
      {open && (
        <FieldPanel
          key={keyId(open)}
          sessionId={sessionId}
          keyBytes={key}
          field={open}
          readOnly={readOnly}
          onSaved={(bytes, result) => {
            const value = bytesPreview(bytes, PREVIEW_BYTES);
            paged.update((all) => all.map((e) => (idOf(e) === keyId(open) ? { ...e, value } : e)));
            onChanged(result); // a longer value may have turned the listpack into a hashtable
          }}
          onRename={() => setDialog({ kind: 'rename', field: open })}
          onDelete={() => setDialog({ kind: 'delete', fields: [open] })}
          onClose={() => setOpen(undefined)}
        />
      )}
      {dialog?.kind === 'add' && (
        <AddFieldDialog
          sessionId={sessionId}
          keyBytes={key}
          onClose={() => setDialog(undefined)}
          onAdded={(field, value, wasAbsent, result) => {
            const entry = { field: preview(field), value: preview(value) };
            // A new field counts at once; an overwrite (HSET) maybe not: the header read says.
            paged.update((all) => [entry, ...all.filter((e) => idOf(e) !== idOf(entry))], wasAbsent ? 1 : 0);
            setNotice({ text: `Added the field “${displayKey(field)}”.` });
            onChanged(result);
          }}
        />
      )}
      {dialog?.kind === 'rename' && (
        <RenameFieldDialog
          sessionId={sessionId}
          keyBytes={key}
          field={dialog.field}
          onClose={() => setDialog(undefined)}
          onRenamed={(newField) => {
            const old = keyId(dialog.field);
            paged.update((all) => all.map((e) => (idOf(e) === old ? { ...e, field: preview(newField) } : e)));
            if (open && keyId(open) === old) setOpen(newField);
            setNotice({ text: `Renamed “${displayKey(dialog.field)}” to “${displayKey(newField)}”.` });
          }}
        />
      )}
      {dialog?.kind === 'delete' && (
        <DeleteFieldsDialog
          fields={dialog.fields}
          paused={paused}
          onCancel={() => setDialog(undefined)}
          onConfirm={() => void deleteFields(dialog.fields)}
        />
      )}
    </div>
  );
}
