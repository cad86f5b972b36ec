import type { KeyBytes } from '../../../shared/api/keys';
import type { Result } from '../../../shared/api/result';
import type { StreamEntry, ValuePreview } from '../../../shared/api/values';
import { api } from '../api/client';
import { keyId } from '../ui/keyText';
import { countOf } from '../ui/format';
import { previewText } from './previewText';
import type { Column } from './ValueTable';
import type { FetchRows, RowsPage } from './usePagedRows';

/** One element of a list, set, sorted set or stream, as a table row. */
export interface CollectionRow {
  id: string;
  cells: Record<string, string | ValuePreview>;
}

/** The session and the db a key was opened from. */
type OpenedAt = { sessionId: string; db: number };

export interface CollectionKind {
  columns: Column[];
  /** Whether the elements can be filtered with a SCAN MATCH pattern. */
  filter?: string;
  fetch(at: OpenedAt, key: KeyBytes, match: string): FetchRows<CollectionRow>;
}

const PREVIEW_BYTES = 1024;
const PAGE = 200;

/** What every page read asks for: the key where it was opened, a page of previews. */
const pageOf = ({ sessionId, db }: OpenedAt, key: KeyBytes) => ({
  sessionId,
  db,
  key,
  count: PAGE,
  previewBytes: PREVIEW_BYTES,
});

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
    fetch: (at, key) => async (from) => {
      const r = await api.call('values.list.range', { ...pageOf(at, key), start: Number(from ?? 0) });
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
    fetch: (at, key, match) => async (from) => {
      const r = await api.call('values.set.scan', {
        ...pageOf(at, key),
        cursor: from ?? '0',
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
    fetch: (at, key, match) => async (from) => {
      // By rank (ZRANGE) normally; a filter needs ZSCAN, which has no ranks.
      if (match) {
        const r = await api.call('values.zset.scan', { ...pageOf(at, key), cursor: from ?? '0', match });
        return page(r, (v) => ({
          length: v.length,
          next: scanNext(v.cursor),
          rows: v.members.map((m) => ({
            id: keyId(m.member.value),
            cells: { rank: '—', member: m.member, score: m.score },
          })),
        }));
      }
      const r = await api.call('values.zset.range', { ...pageOf(at, key), start: Number(from ?? 0) });
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
    fetch: (at, key) => async (from) => {
      const r = await api.call('values.stream.range', { ...pageOf(at, key), ...(from ? { after: from } : {}) });
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
