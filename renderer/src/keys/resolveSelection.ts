import type { KeyBytes, KeyRow, KeyRowsPage } from '../../../shared/api/keys';
import type { Result } from '../../../shared/api/result';
import { keyBytesOf } from '../ui/keyText';
import { rowId, type KeySelection } from './keySelection';

export type FolderRow = Extract<KeyRow, { kind: 'folder' }>;

/** Keys one bulk action handles: enough for real clean-ups, small enough for the renderer's heap. */
export const MAX_BULK_KEYS = 100_000;
/** Folders one bulk delete handles: each one is its own SCAN over the whole database. */
export const MAX_BULK_FOLDERS = 20;
/** Rows per `keys.rows` call while reading a selection (the API's maximum). */
const READ_PAGE = 5_000;
/** Reads retried when the tree moves under them (a running scan adds rows). */
const ATTEMPTS = 3;

export interface ResolvedSelection {
  keys: KeyBytes[];
  folders: FolderRow[];
}

export type Resolution = { ok: true; value: ResolvedSelection } | { ok: false; message: string };

export type FetchRows = (offset: number, limit: number) => Promise<Result<KeyRowsPage>>;

const n = (x: number) => x.toLocaleString('en-US');
export const TOO_MANY_KEYS = `The selection holds more than ${n(MAX_BULK_KEYS)} keys. Bulk actions take up to ${n(MAX_BULK_KEYS)} keys at a time: select fewer, narrow the list with a pattern, or delete whole folders.`;
const MOVED =
  'The tree kept changing while the selection was read (a scan is running). Wait for the scan to finish, or cancel it, and try again.';

/**
 * Reads the selected keys and folders from core, page by page: the selection itself is only
 * ranges and a few picked rows. A read fails cleanly past MAX_BULK_KEYS, and is retried when the
 * tree's row count changes in the middle (the indices then no longer mean the same rows).
 */
export async function resolveSelection(
  sel: KeySelection,
  fetchRows: FetchRows,
  onProgress?: (rowsRead: number) => void,
): Promise<Resolution> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const read = await readOnce(sel, fetchRows, onProgress);
    if (read !== 'moved') return read;
  }
  return { ok: false, message: MOVED };
}

async function readOnce(
  sel: KeySelection,
  fetchRows: FetchRows,
  onProgress?: (rowsRead: number) => void,
): Promise<Resolution | 'moved'> {
  const keys = new Map<string, KeyBytes>();
  const folders = new Map<string, FolderRow>();
  const add = (row: KeyRow): boolean => {
    if (row.kind === 'folder') folders.set(rowId(row), row);
    else keys.set(rowId(row), row.key);
    return keys.size <= MAX_BULK_KEYS;
  };
  if (sel.range) {
    let offset = sel.range === 'all' ? 0 : sel.range.from;
    let end = sel.range === 'all' ? Infinity : sel.range.to;
    let total: number | undefined;
    while (offset <= end) {
      const page = await fetchRows(offset, Math.min(READ_PAGE, end - offset + 1));
      if (!page.ok) return { ok: false, message: page.error.message };
      if (total !== undefined && page.value.total !== total) return 'moved';
      total = page.value.total;
      end = Math.min(end, total - 1);
      for (const row of page.value.rows) {
        if (!sel.excluded[rowId(row)] && !add(row)) return { ok: false, message: TOO_MANY_KEYS };
      }
      if (page.value.rows.length === 0) break;
      offset += page.value.rows.length;
      onProgress?.(offset);
    }
  }
  for (const row of Object.values(sel.picked)) if (!add(row)) return { ok: false, message: TOO_MANY_KEYS };
  return { ok: true, value: { keys: [...keys.values()], folders: [...folders.values()] } };
}

const startsWith = (bytes: Uint8Array, prefix: Uint8Array) =>
  prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b);

/**
 * What a bulk delete does with a selection: a selected folder means the whole folder (its own
 * job, every key under the prefix on the server), so keys and folders inside it are left to it.
 */
export function planDelete(r: ResolvedSelection): ResolvedSelection {
  const prefixes = r.folders.map((f) => keyBytesOf(f.prefix));
  const inside = (bytes: Uint8Array, self?: number) => prefixes.some((p, i) => i !== self && startsWith(bytes, p));
  return {
    folders: r.folders.filter((_, i) => !inside(prefixes[i]!, i)),
    keys: prefixes.length === 0 ? r.keys : r.keys.filter((k) => !inside(keyBytesOf(k))),
  };
}
