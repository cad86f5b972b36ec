import type { KeyRowsPage } from '../../../shared/api/keys';
import { bumpRows, newFolder, type KeyFolder } from './keyFolder';
import { flatRows, treeRows } from './keyRows';

export type RowsView = 'tree' | 'flat';

/**
 * One session's keys, grouped by the delimiter into folders with counts, built page by page as
 * SCAN replies arrive. Keys are stored once, as the last segment in their folder ('latin1'
 * strings, binary-safe). A key that is also a folder's prefix (`user:1` and `user:1:x`) shows as
 * both a key and a folder. Expanded folders are remembered by prefix, so they stay expanded when
 * the index is rebuilt (pass the same set to the next index).
 */
export class KeyIndex {
  readonly #delim: string;
  readonly #expanded: Set<string>;
  readonly #root: KeyFolder;
  /** Every folder by its full prefix: one lookup per key instead of one per level. */
  readonly #byPrefix = new Map<string, KeyFolder>();
  #size = 0;

  constructor(delimiter: string, expanded: Set<string> = new Set()) {
    this.#delim = Buffer.from(delimiter, 'utf8').toString('latin1');
    this.#expanded = expanded;
    this.#root = newFolder('', '', undefined, true);
  }

  /** Distinct keys in the index. */
  get size(): number {
    return this.#size;
  }

  get expandedPrefixes(): Set<string> {
    return this.#expanded;
  }

  /** Adds a key (its bytes); false when it was already there (SCAN may return a key twice). */
  add(key: Buffer): boolean {
    // One native call per key, then plain string work and one Map lookup for the folder: this
    // runs a million times per million keys.
    const text = key.toString('latin1');
    const pos = this.#leafStart(text);
    const folder = pos === 0 ? this.#root : (this.#byPrefix.get(text.slice(0, pos)) ?? this.#makePath(text, key, pos));
    const leaf = pos === 0 ? text : ownCopy(text.slice(pos), key, pos);
    const keys = (folder.keys ??= new Set());
    const before = keys.size;
    keys.add(leaf);
    if (keys.size === before) return false;
    folder.keyOrder?.add(leaf);
    for (let f: KeyFolder | undefined = folder; f; f = f.parent) f.count++;
    bumpRows(folder, 1);
    this.#size++;
    return true;
  }

  has(key: string): boolean {
    const [folder, leaf] = this.#locate(key);
    return !!folder?.keys?.has(leaf);
  }

  /** Removes a key ('latin1'); folders left empty disappear. */
  remove(key: string): boolean {
    const [found, leaf] = this.#locate(key);
    if (!found?.keys?.delete(leaf)) return false;
    let folder: KeyFolder = found;
    folder.keyOrder?.remove(leaf);
    for (let f: KeyFolder | undefined = folder; f; f = f.parent) f.count--;
    bumpRows(folder, -1);
    this.#size--;
    while (folder.parent && folder.count === 0) {
      const parent: KeyFolder = folder.parent;
      parent.folders?.delete(folder.name);
      this.#byPrefix.delete(folder.prefix);
      parent.folderOrder?.remove(folder.name);
      bumpRows(parent, -1);
      folder = parent;
    }
    return true;
  }

  /** Keys below a folder ('latin1' prefix ending with the delimiter); 0 when there is none. */
  folderCount(prefix: string): number {
    return this.#folder(prefix)?.count ?? 0;
  }

  /** Every key below a folder ('latin1' prefix ending with the delimiter), at all levels. */
  keysUnder(prefix: string): string[] {
    const out: string[] = [];
    const walk = (folder: KeyFolder): void => {
      for (const leaf of folder.keys ?? []) out.push(folder.prefix + leaf);
      for (const child of folder.folders?.values() ?? []) walk(child);
    };
    const folder = this.#folder(prefix);
    if (folder) walk(folder);
    return out;
  }

  /** Expands or collapses a folder (remembered even while the folder has no keys yet). */
  setExpanded(prefix: string, expanded: boolean): void {
    if (expanded) this.#expanded.add(prefix);
    else this.#expanded.delete(prefix);
    const folder = this.#folder(prefix);
    if (!folder?.parent || folder.expanded === expanded) return;
    folder.expanded = expanded;
    bumpRows(folder.parent, expanded ? folder.rows : -folder.rows);
  }

  /** Rows in the whole view, for the scrollbar. */
  total(view: RowsView): number {
    return view === 'tree' ? this.#root.rows : this.#size;
  }

  /** A window of the flattened tree (expanded folders only) or of the flat key list. */
  rows(offset: number, limit: number, view: RowsView): KeyRowsPage {
    const rows = view === 'tree' ? treeRows(this.#root, offset, limit) : flatRows(this.#root, offset, limit);
    return { total: this.total(view), offset, rows };
  }

  /** Where the last segment starts (after the last delimiter, splitting left to right). */
  #leafStart(text: string): number {
    const d = this.#delim;
    let pos = 0;
    for (let at = text.indexOf(d); at !== -1; at = text.indexOf(d, pos)) pos = at + d.length;
    return pos;
  }

  /** Creates the folders of `text.slice(0, end)` that do not exist yet; returns the last. */
  #makePath(text: string, key: Buffer, end: number): KeyFolder {
    const d = this.#delim;
    let folder = this.#root;
    for (let pos = 0; pos < end;) {
      const at = text.indexOf(d, pos);
      const name = text.slice(pos, at);
      const next = at + d.length;
      folder =
        folder.folders?.get(name) ?? this.#addChild(folder, ownCopy(name, key, pos), key.toString('latin1', 0, next));
      pos = next;
    }
    return folder;
  }

  #addChild(parent: KeyFolder, name: string, prefix: string): KeyFolder {
    const child = newFolder(name, prefix, parent, this.#expanded.has(prefix));
    (parent.folders ??= new Map()).set(name, child);
    this.#byPrefix.set(prefix, child);
    parent.folderOrder?.add(name);
    bumpRows(parent, 1);
    return child;
  }

  /** The folder a 'latin1' key would sit in, and its last segment (split as `add` does). */
  #locate(key: string): [KeyFolder | undefined, string] {
    const pos = this.#leafStart(key);
    return [this.#folder(key.slice(0, pos)), key.slice(pos)];
  }

  #folder(prefix: string): KeyFolder | undefined {
    return prefix === '' ? this.#root : this.#byPrefix.get(prefix);
  }
}

/**
 * A segment to keep: V8 makes slices of 13+ chars views into the whole key string, which would
 * keep it alive; those are cut from the Buffer instead (a flat string of their own).
 */
function ownCopy(slice: string, key: Buffer, start: number): string {
  return slice.length < 13 ? slice : key.toString('latin1', start, start + slice.length);
}
