import type { KeyRowsPage } from '../../../../shared/api/keys';
import { finishHash, FNV_OFFSET, FNV_PRIME, hashBytes } from './byteHash';
import { bumpRows, folderOrder, keyIds, keyOrder, newFolder, type KeyFolder } from './keyFolder';
import { flatRows, treeRows } from './keyRows';
import { KeyStore } from './keyStore';

export type RowsView = 'tree' | 'flat';

/**
 * One session's keys, grouped by the delimiter into folders with counts, built page by page as
 * SCAN replies arrive. Key bytes live in a KeyStore (typed arrays, no object per key); folders
 * are objects, found by the hash of their prefix bytes, so adding a key to an existing folder
 * allocates nothing. A key that is also a folder's prefix (`user:1` and `user:1:x`) shows as
 * both a key and a folder. Expanded folders are remembered by prefix, so they stay expanded
 * when the index is rebuilt (pass the same set to the next index).
 */
export class KeyIndex {
  readonly #delim: Buffer;
  /** The delimiter's byte when it is a single byte (the fast path), else -1. */
  readonly #delimByte: number;
  readonly #expanded: Set<string>;
  readonly #store = new KeyStore();
  readonly #root: KeyFolder;
  /** Folder prefixes as bytes (ids index #folders): one probe per key finds its folder. */
  readonly #prefixes = new KeyStore();
  readonly #folders: (KeyFolder | undefined)[] = [];
  #size = 0;
  // What #split found: the key's hash, its folder prefix's hash, where its last segment starts.
  #hash = 0;
  #prefixHash = 0;
  #leafStart = 0;

  constructor(delimiter: string, expanded: Set<string> = new Set()) {
    this.#delim = Buffer.from(delimiter, 'utf8');
    this.#delimByte = this.#delim.length === 1 ? this.#delim[0]! : -1;
    this.#expanded = expanded;
    this.#root = newFolder(-1, 0, '', '', undefined, true);
  }

  /** Distinct keys in the index. */
  get size(): number {
    return this.#size;
  }

  get expandedPrefixes(): Set<string> {
    return this.#expanded;
  }

  /** Adds a key (its bytes); false when it was already there (SCAN may return a key twice). */
  add(key: Uint8Array): boolean {
    // This runs a million times per million keys: one pass over the bytes, two table probes.
    this.#split(key);
    const hash = this.#hash;
    const store = this.#store;
    if (store.find(key, hash) !== -1) return false;
    const pos = this.#leafStart;
    const folder = pos === 0 ? this.#root : this.#folderOf(key, pos, this.#prefixHash);
    const id = store.insert(key, hash, folder.firstKey);
    folder.firstKey = id;
    folder.keyCount++;
    folder.keyOrder?.add(id);
    for (let f: KeyFolder | undefined = folder; f; f = f.parent) f.count++;
    bumpRows(folder, 1);
    this.#size++;
    return true;
  }

  has(key: string): boolean {
    const bytes = Buffer.from(key, 'latin1');
    this.#split(bytes);
    return this.#store.find(bytes, this.#hash) !== -1;
  }

  /** Removes a key ('latin1'); folders left empty disappear. */
  remove(key: string): boolean {
    const bytes = Buffer.from(key, 'latin1');
    this.#split(bytes);
    const id = this.#store.find(bytes, this.#hash);
    if (id === -1) return false;
    this.#store.remove(id, this.#hash);
    const pos = this.#leafStart;
    let folder = pos === 0 ? this.#root : this.#lookup(bytes, pos, this.#prefixHash)!;
    folder.keyCount--;
    folder.keyOrder?.remove(id);
    for (let f: KeyFolder | undefined = folder; f; f = f.parent) f.count--;
    bumpRows(folder, -1);
    this.#size--;
    while (folder.parent && folder.count === 0) {
      const parent: KeyFolder = folder.parent;
      parent.folders?.delete(folder.name);
      this.#prefixes.remove(folder.id, folder.hash);
      this.#folders[folder.id] = undefined;
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
      for (const id of keyIds(folder, this.#store)) out.push(this.#store.text(id));
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

  /** Every folder, depth first; a generator, so a caller can walk a big tree in slices. */
  *folders(): Generator<KeyFolder> {
    const stack = [this.#root];
    for (let f = stack.pop(); f; f = stack.pop()) {
      yield f;
      if (f.folders) for (const child of f.folders.values()) stack.push(child);
    }
  }

  /** Puts a folder's children in order up to `head` now, so showing it later sorts nothing. */
  prepareOrder(folder: KeyFolder, head: number): void {
    if (folder.keyCount > 0) keyOrder(folder, this.#store).slice(0, head);
    if (folder.folders) folderOrder(folder).slice(0, head);
  }

  /** A window of the flattened tree (expanded folders only) or of the flat key list. */
  rows(offset: number, limit: number, view: RowsView): KeyRowsPage {
    const rows =
      view === 'tree'
        ? treeRows(this.#store, this.#root, offset, limit)
        : flatRows(this.#store, this.#root, offset, limit);
    return { total: this.total(view), offset, rows };
  }

  /**
   * Hashes the key and finds where its last segment starts (after the last delimiter, splitting
   * left to right) in one pass; the FNV state at that point is the folder prefix's hash.
   */
  #split(key: Uint8Array): void {
    const n = key.length;
    const d = this.#delimByte;
    let h = FNV_OFFSET;
    let prefix = FNV_OFFSET;
    let pos = 0;
    if (d >= 0) {
      for (let i = 0; i < n; i++) {
        const b = key[i]!;
        h = Math.imul(h ^ b, FNV_PRIME);
        if (b === d) {
          prefix = h;
          pos = i + 1;
        }
      }
    } else {
      pos = leafStart(key, this.#delim);
      for (let i = 0; i < n; i++) {
        h = Math.imul(h ^ key[i]!, FNV_PRIME);
        if (i === pos - 1) prefix = h;
      }
    }
    this.#hash = finishHash(h);
    this.#prefixHash = finishHash(prefix);
    this.#leafStart = pos;
  }

  /** The folder of prefix bytes[0, end), created with any missing ancestors. */
  #folderOf(key: Uint8Array, end: number, hash: number): KeyFolder {
    return this.#lookup(key, end, hash) ?? this.#makePath(key, end);
  }

  #lookup(bytes: Uint8Array, end: number, hash: number): KeyFolder | undefined {
    const id = this.#prefixes.find(bytes, hash, end);
    return id === -1 ? undefined : this.#folders[id];
  }

  /** Creates the folders of bytes[0, end) that do not exist yet; returns the last. */
  #makePath(key: Uint8Array, end: number): KeyFolder {
    const bytes = Buffer.from(key.buffer, key.byteOffset, key.length);
    const text = bytes.toString('latin1', 0, end);
    const d = this.#delim.toString('latin1');
    let folder = this.#root;
    for (let pos = 0; pos < end;) {
      const at = text.indexOf(d, pos);
      const name = text.slice(pos, at);
      const next = at + d.length;
      folder = folder.folders?.get(name) ?? this.#addChild(folder, name, bytes, next);
      pos = next;
    }
    return folder;
  }

  #addChild(parent: KeyFolder, name: string, key: Buffer, end: number): KeyFolder {
    const prefix = key.toString('latin1', 0, end);
    const hash = hashBytes(key, 0, end);
    const id = this.#prefixes.insert(key.subarray(0, end), hash, -1);
    const child = newFolder(id, hash, name, prefix, parent, this.#expanded.has(prefix));
    this.#folders[id] = child;
    (parent.folders ??= new Map()).set(name, child);
    parent.folderOrder?.add(name);
    bumpRows(parent, 1);
    return child;
  }

  #folder(prefix: string): KeyFolder | undefined {
    if (prefix === '') return this.#root;
    const bytes = Buffer.from(prefix, 'latin1');
    return this.#lookup(bytes, bytes.length, hashBytes(bytes, 0, bytes.length));
  }
}

/** Where the last segment starts for a multi-byte delimiter (split left to right). */
function leafStart(key: Uint8Array, delim: Uint8Array): number {
  const dn = delim.length;
  let pos = 0;
  for (let i = 0; i + dn <= key.length;) {
    let j = 0;
    while (j < dn && key[i + j] === delim[j]) j++;
    if (j === dn) pos = i += dn;
    else i++;
  }
  return pos;
}
