import type { KeyStore } from './keyStore';
import { LazySortedList, type SortOrder } from './lazySortedList';
import { naturalCompare } from './naturalCompare';
import { naturalKey } from './naturalKey';

/**
 * One folder of the key tree. Names and prefixes are 'latin1' strings (one char per byte); its
 * own keys are ids in the index's KeyStore, chained through `firstKey` (dead ids are unlinked
 * lazily). `rows` is what the folder contributes below itself when expanded: one row per child
 * folder (plus that child's `rows` if it is expanded) and one per key. Keeping it up to date on
 * every change is what lets a window of the flattened tree be found by descending, never
 * flattening.
 */
export interface KeyFolder {
  /** The prefix's id in the index's prefix store (-1 for the root), and its bytes' hash. */
  readonly id: number;
  readonly hash: number;
  readonly name: string;
  /** Full prefix including the trailing delimiter; '' for the root. */
  readonly prefix: string;
  readonly parent: KeyFolder | undefined;
  readonly depth: number;
  /** Keys at all levels below. */
  count: number;
  rows: number;
  expanded: boolean;
  folders: Map<string, KeyFolder> | undefined;
  /** Keys directly in this folder, and the first of their chain (-1 when none). */
  keyCount: number;
  firstKey: number;
  /** Natural order of the names and of the keys' last segments, created when first shown. */
  folderOrder: LazySortedList<string> | undefined;
  keyOrder: LazySortedList<number> | undefined;
}

export function newFolder(
  id: number,
  hash: number,
  name: string,
  prefix: string,
  parent: KeyFolder | undefined,
  expanded: boolean,
): KeyFolder {
  return {
    id,
    hash,
    name,
    prefix,
    parent,
    depth: parent ? parent.depth + 1 : -1,
    count: 0,
    rows: 0,
    expanded,
    folders: undefined,
    keyCount: 0,
    firstKey: -1,
    folderOrder: undefined,
    keyOrder: undefined,
  };
}

/** `folder.rows` changed by delta: so do its ancestors' as long as the chain is expanded. */
export function bumpRows(folder: KeyFolder, delta: number): void {
  for (let f: KeyFolder | undefined = folder; f; f = f.parent) {
    f.rows += delta;
    if (!f.expanded) return;
  }
}

const byName: SortOrder<string> = { key: naturalKey, compare: naturalCompare };

export function folderOrder(folder: KeyFolder): LazySortedList<string> {
  return (folder.folderOrder ??= new LazySortedList(folder.folders?.keys() ?? [], byName));
}

/** The folder's keys in natural order of their last segments (read from the store's bytes). */
export function keyOrder(folder: KeyFolder, store: KeyStore): LazySortedList<number> {
  if (folder.keyOrder) return folder.keyOrder;
  const from = folder.prefix.length;
  const ids: number[] = [];
  const keys: number[] = [];
  // One pass: with millions of keys each one is a trip to memory, so its sort key is read then.
  forEachKey(folder, store, (id) => {
    ids.push(id);
    keys.push(store.naturalKey(id, from));
  });
  const order = {
    key: (id: number) => store.naturalKey(id, from),
    compare: (a: number, b: number) => store.compareFrom(a, b, from),
  };
  return (folder.keyOrder = new LazySortedList(ids, order, keys));
}

/** The ids of the folder's live keys. */
export function keyIds(folder: KeyFolder, store: KeyStore): number[] {
  const ids: number[] = [];
  forEachKey(folder, store, (id) => ids.push(id));
  return ids;
}

/** Visits the folder's live keys, unlinking dead ones from its chain on the way. */
function forEachKey(folder: KeyFolder, store: KeyStore, visit: (id: number) => void): void {
  let last = -1;
  for (let id = folder.firstKey; id !== -1;) {
    const next = store.next(id);
    if (store.isLive(id)) {
      visit(id);
      last = id;
    } else if (last === -1) folder.firstKey = next;
    else store.setNext(last, next);
    id = next;
  }
}
