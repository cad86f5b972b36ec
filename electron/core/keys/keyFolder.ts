import { LazySortedList } from './lazySortedList';

/**
 * One folder of the key tree. Names and prefixes are 'latin1' strings (one char per byte).
 * `rows` is what the folder contributes below itself when expanded: one row per child folder
 * (plus that child's `rows` if it is expanded) and one per key. Keeping it up to date on every
 * change is what lets a window of the flattened tree be found by descending, never flattening.
 */
export interface KeyFolder {
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
  /** Last segments of the keys directly in this folder. */
  keys: Set<string> | undefined;
  /** Natural order of the names, created when the folder is first shown. */
  folderOrder: LazySortedList | undefined;
  keyOrder: LazySortedList | undefined;
}

export function newFolder(name: string, prefix: string, parent: KeyFolder | undefined, expanded: boolean): KeyFolder {
  return {
    name,
    prefix,
    parent,
    depth: parent ? parent.depth + 1 : -1,
    count: 0,
    rows: 0,
    expanded,
    folders: undefined,
    keys: undefined,
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

export function folderOrder(folder: KeyFolder): LazySortedList {
  return (folder.folderOrder ??= new LazySortedList(folder.folders?.keys() ?? []));
}

export function keyOrder(folder: KeyFolder): LazySortedList {
  return (folder.keyOrder ??= new LazySortedList(folder.keys ?? []));
}
