import type { KeyRow } from '../../../../shared/api/keys';
import { folderOrder, keyOrder, type KeyFolder } from './keyFolder';
import { latin1ToKeyBytes } from '../keyBytes';
import type { KeyStore } from './keyStore';

// Windows of the key tree, found by descending with the per-folder row counts: only the
// folders on the path to the window are sorted (lazily) and visited.

const CHUNK = 512;

const folderRow = (f: KeyFolder): KeyRow => ({
  kind: 'folder',
  prefix: latin1ToKeyBytes(f.prefix),
  name: latin1ToKeyBytes(f.name),
  depth: f.depth,
  count: f.count,
  expanded: f.expanded,
});

const keyRow = (store: KeyStore, parent: KeyFolder, id: number, flat: boolean): KeyRow => {
  const key = latin1ToKeyBytes(store.text(id));
  return flat
    ? { kind: 'key', key, name: key, depth: 0 }
    : { kind: 'key', key, name: latin1ToKeyBytes(store.text(id, parent.prefix.length)), depth: parent.depth + 1 };
};

/** Rows [offset, offset + limit) of the tree: in each folder its folders first, then its keys. */
export function treeRows(store: KeyStore, root: KeyFolder, offset: number, limit: number): KeyRow[] {
  const out: KeyRow[] = [];
  collectTree(store, root, offset, limit, out);
  return out;
}

/** Emits the rows below `folder` after skipping `skip` of them; returns what is left to skip. */
function collectTree(store: KeyStore, folder: KeyFolder, skip: number, limit: number, out: KeyRow[]): number {
  const folders = folder.folders;
  const nFolders = folders?.size ?? 0;
  const nKeys = folder.keyCount;
  if (folders && nFolders > 0) {
    const order = folderOrder(folder);
    if (folder.rows - nKeys === nFolders) {
      // No child shows rows of its own: the window starts at a computable index.
      if (skip >= nFolders) skip -= nFolders;
      else {
        for (const name of order.slice(skip, skip + limit - out.length)) out.push(folderRow(folders.get(name)!));
        skip = 0;
      }
    } else {
      for (let i = 0; i < nFolders && out.length < limit; i += CHUNK) {
        for (const name of order.slice(i, i + CHUNK)) {
          const child = folders.get(name)!;
          const size = 1 + (child.expanded ? child.rows : 0);
          if (skip >= size) {
            skip -= size;
            continue;
          }
          if (skip === 0) out.push(folderRow(child));
          else skip--;
          if (child.expanded && out.length < limit) skip = collectTree(store, child, skip, limit, out);
          if (out.length >= limit) return 0;
        }
      }
    }
  }
  if (out.length >= limit) return skip;
  if (skip >= nKeys) return skip - nKeys;
  for (const id of keyOrder(folder, store).slice(skip, skip + limit - out.length)) {
    out.push(keyRow(store, folder, id, false));
  }
  return 0;
}

/**
 * Rows [offset, offset + limit) of the flat list: every key, in natural order compared segment
 * by segment (a folder's keys sort where its name does among its siblings).
 */
export function flatRows(store: KeyStore, root: KeyFolder, offset: number, limit: number): KeyRow[] {
  const out: KeyRow[] = [];
  collectFlat(store, root, offset, limit, out);
  return out;
}

function collectFlat(store: KeyStore, folder: KeyFolder, skip: number, limit: number, out: KeyRow[]): number {
  if (skip >= folder.count) return skip - folder.count;
  const nKeys = folder.keyCount;
  const keys = nKeys > 0 ? keyOrder(folder, store) : undefined;
  const folders = folder.folders;
  if (!folders || folders.size === 0) {
    for (const id of keys?.slice(skip, skip + limit - out.length) ?? []) out.push(keyRow(store, folder, id, true));
    return 0;
  }
  const from = folder.prefix.length;
  const leaves = keys?.slice(0, nKeys) ?? [];
  let next = 0;
  const emitKeysUpTo = (end: number): void => {
    const n = end - next;
    if (skip >= n) skip -= n;
    else {
      for (let k = next + skip; k < end && out.length < limit; k++) out.push(keyRow(store, folder, leaves[k]!, true));
      skip = 0;
    }
    next = end;
  };
  for (const name of folderOrder(folder).slice(0, folders.size)) {
    const nameBytes = Buffer.from(name, 'latin1');
    let end = next;
    while (end < leaves.length && store.compareTo(leaves[end]!, from, nameBytes) <= 0) end++;
    emitKeysUpTo(end);
    if (out.length >= limit) return 0;
    skip = collectFlat(store, folders.get(name)!, skip, limit, out);
    if (out.length >= limit) return 0;
  }
  emitKeysUpTo(leaves.length);
  return skip;
}
