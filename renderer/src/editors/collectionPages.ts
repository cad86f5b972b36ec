import type { KeyBytes } from '../../../shared/api/keys';
import type { Result } from '../../../shared/api/result';
import type { StreamEntry, ValuePreview } from '../../../shared/api/values';
import { api } from '../api/client';
import { keyId } from '../keys/keyText';
import { countOf } from '../ui/format';
import { previewText } from './previewText';
import type { Column } from './ValueTable';
import type { FetchRows, RowsPage } from './usePagedRows';

/** One element of a list, set, sorted set or stream, as a table row. */
export interface CollectionRow {
  id: string;
  cells: Record<string, string | ValuePreview>;
}

export interface CollectionKind {
  columns: Column[];
  /** Whether the elements can be filtered with a SCAN MATCH pattern. */
  filter?: string;
  /** `at`: the session and the db the key was opened from. */
  fetch(at: { sessionId: string; db: number }, key: KeyBytes, match: string): FetchRows<CollectionRow>;
}

const PREVIEW_BYTES = 1024;
const PAGE = 200;

const page = <V, T>(r: Result<V>, map: (v: V) => RowsPage<T>): Result<RowsPage<T>> =>
  r.ok ? { ok: true, value: map(r.value) } : r;

const scanNext = (cursor: string) => (cursor === '0' ? undefined : cursor);
/** An index-paged read's next start, or undefined at the end (or when a page came back empty). */
const nextStart = (start: number, got: number, length: number) =>
  got > 0 && start + got < length ? String(start + got) : undefined;

/** How each viewable type is paged and shown: LRANGE, SSCAN, ZRANGE / ZSCAN, XRANGE. */
export const COLLECTIONS: Record<string, CollectionKind> = {
  list: {
    columns: [
      { id: 'index', title: 'Index', width: '80px' },
      { id: 'value', title: 'Value', width: 'minmax(160px, 1fr)' },
    ],
    fetch:
      ({ sessionId, db }, key) =>
      async (from) => {
        const start = Number(from ?? 0);
        const r = await api.call('values.list.range', {
          sessionId,
          db,
          key,
          start,
          count: PAGE,
          previewBytes: PREVIEW_BYTES,
        });
        return page(r, (v) => ({
          length: v.length,
          next: nextStart(v.start, v.items.length, v.length),
          rows: v.items.map((value, i) => ({ id: String(v.start + i), cells: { index: String(v.start + i), value } })),
        }));
      },
  },
  set: {
    columns: [{ id: 'member', title: 'Member', width: 'minmax(160px, 1fr)' }],
    filter: 'Filter members',
    fetch:
      ({ sessionId, db }, key, match) =>
      async (from) => {
        const r = await api.call('values.set.scan', {
          sessionId,
          db,
          key,
          cursor: from ?? '0',
          count: PAGE,
          previewBytes: PREVIEW_BYTES,
          ...(match ? { match } : {}),
        });
        return page(r, (v) => ({
          length: v.length,
          next: scanNext(v.cursor),
          rows: v.members.map((member) => ({ id: keyId(member.value), cells: { member } })),
        }));
      },
  },
  zset: {
    columns: [
      { id: 'rank', title: 'Rank', width: '70px' },
      { id: 'member', title: 'Member', width: 'minmax(160px, 1fr)' },
      { id: 'score', title: 'Score', width: 'minmax(90px, 160px)' },
    ],
    filter: 'Filter members',
    fetch:
      ({ sessionId, db }, key, match) =>
      async (from) => {
        // By rank (ZRANGE) normally; a filter needs ZSCAN, which has no ranks.
        if (match) {
          const r = await api.call('values.zset.scan', {
            sessionId,
            db,
            key,
            cursor: from ?? '0',
            count: PAGE,
            previewBytes: PREVIEW_BYTES,
            match,
          });
          return page(r, (v) => ({
            length: v.length,
            next: scanNext(v.cursor),
            rows: v.members.map((m) => ({
              id: keyId(m.member.value),
              cells: { rank: '—', member: m.member, score: m.score },
            })),
          }));
        }
        const start = Number(from ?? 0);
        const r = await api.call('values.zset.range', {
          sessionId,
          db,
          key,
          start,
          count: PAGE,
          previewBytes: PREVIEW_BYTES,
        });
        return page(r, (v) => ({
          length: v.length,
          next: nextStart(v.start, v.members.length, v.length),
          rows: v.members.map((m, i) => ({
            id: keyId(m.member.value),
            cells: { rank: String(v.start + i), member: m.member, score: m.score },
          })),
        }));
      },
  },
  stream: {
    columns: [
      { id: 'id', title: 'Entry ID', width: 'minmax(150px, 190px)' },
      { id: 'fields', title: 'Fields', width: 'minmax(160px, 1fr)' },
    ],
    fetch:
      ({ sessionId, db }, key) =>
      async (from) => {
        const r = await api.call('values.stream.range', {
          sessionId,
          db,
          key,
          count: PAGE,
          previewBytes: PREVIEW_BYTES,
          ...(from ? { after: from } : {}),
        });
        return page(r, (v) => ({
          length: v.length,
          next: v.next,
          rows: v.entries.map((entry) => ({ id: entry.id, cells: { id: entry.id, fields: fieldsText(entry) } })),
        }));
      },
  },
};

/** A stream entry's fields on one line: `name=ada  age=36`, and how many more when it was cut. */
function fieldsText({ fields, moreFields }: StreamEntry): string {
  const shown = fields.map((f) => `${previewText(f.field)}=${previewText(f.value)}`).join('  ');
  return moreFields ? `${shown}  … (${countOf(moreFields, 'more field')})` : shown;
}
