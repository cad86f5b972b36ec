import { IdHashTable, type IdMatcher } from './idHashTable';
import { naturalCompareBytes } from './naturalCompare';
import { naturalKeyBytes } from './naturalKey';

const PAGE_BITS = 14;
const PAGE_KEYS = 1 << PAGE_BITS;
const PAGE_MASK = PAGE_KEYS - 1;
const FIRST_ARENA = 64 * 1024;
const DEAD = -1;
/** Record fields: where the key's bytes start, their length (DEAD once removed), the next id. */
const RECORD = 3;
const START = 0;
const LENGTH = 1;
const NEXT = 2;

/**
 * 16,384 keys: their bytes back to back, and per key one record [start, length, next id] (one
 * cache line holds several records: walking a folder's chain touches half as many lines).
 */
class KeyPage {
  bytes = Buffer.allocUnsafeSlow(FIRST_ARENA);
  used = 0;
  readonly records = new Int32Array(PAGE_KEYS * RECORD);

  append(key: Uint8Array): number {
    const n = key.length;
    if (this.used + n > this.bytes.length) {
      let size = this.bytes.length * 2;
      while (size < this.used + n) size *= 2;
      const bigger = Buffer.allocUnsafeSlow(size);
      this.bytes.copy(bigger, 0, 0, this.used);
      this.bytes = bigger;
    }
    const at = this.used;
    const bytes = this.bytes;
    // Keys are short: a loop beats a native copy call.
    if (n < 64) for (let i = 0; i < n; i++) bytes[at + i] = key[i]!;
    else bytes.set(key, at);
    this.used += n;
    return at;
  }

  /** A full page keeps only the bytes it uses. */
  trim(): void {
    if (this.used < this.bytes.length) this.bytes = Buffer.from(this.bytes.subarray(0, this.used));
  }
}

/**
 * Byte strings — an index's keys, or its folder prefixes — in pages of typed arrays (ids are
 * positions, in arrival order), with a hash table from bytes to id. A million keys are a few
 * dozen arrays instead of a million strings in Sets: several times faster to build, about the
 * same memory, and nothing per key for the GC to trace. Ids also chain each folder's keys
 * (`next`). A removed key keeps its id, marked dead.
 */
export class KeyStore implements IdMatcher {
  readonly #pages: KeyPage[] = [];
  readonly #table = new IdHashTable(this);
  #ids = 0;

  /** The id of key[0, length) with this hash, or -1. */
  find(key: Uint8Array, hash: number, length = key.length): number {
    return this.#table.find(hash, key, length);
  }

  /** Stores a key `find` did not find; `next` links it into its folder's chain. */
  insert(key: Uint8Array, hash: number, next: number): number {
    const id = this.#ids++;
    const slot = id & PAGE_MASK;
    if (slot === 0) {
      this.#pages.at(-1)?.trim();
      this.#pages.push(new KeyPage());
    }
    const page = this.#pages[this.#pages.length - 1]!;
    const at = slot * RECORD;
    page.records[at + START] = page.append(key);
    page.records[at + LENGTH] = key.length;
    page.records[at + NEXT] = next;
    this.#table.add(hash, id);
    return id;
  }

  remove(id: number, hash: number): void {
    this.#table.delete(hash, id);
    this.#pageOf(id).records[recordOf(id) + LENGTH] = DEAD;
  }

  isLive(id: number): boolean {
    return this.#pageOf(id).records[recordOf(id) + LENGTH] !== DEAD;
  }

  next(id: number): number {
    return this.#pageOf(id).records[recordOf(id) + NEXT]!;
  }

  setNext(id: number, next: number): void {
    this.#pageOf(id).records[recordOf(id) + NEXT] = next;
  }

  /** The key's bytes from `from` on, as a 'latin1' string. */
  text(id: number, from = 0): string {
    const { bytes, records } = this.#pageOf(id);
    const at = recordOf(id);
    const start = records[at + START]!;
    return bytes.toString('latin1', start + from, start + records[at + LENGTH]!);
  }

  /** The sort key (see naturalKey) of the key's bytes from `from` on. */
  naturalKey(id: number, from: number): number {
    const { bytes, records } = this.#pageOf(id);
    const at = recordOf(id);
    const start = records[at + START]!;
    return naturalKeyBytes(bytes, start + from, start + records[at + LENGTH]!);
  }

  /** Natural order of two keys' bytes from `from` on (keys of one folder: their last segments). */
  compareFrom(a: number, b: number, from: number): number {
    const pa = this.#pageOf(a);
    const pb = this.#pageOf(b);
    const sa = pa.records[recordOf(a) + START]!;
    const sb = pb.records[recordOf(b) + START]!;
    const ea = sa + pa.records[recordOf(a) + LENGTH]!;
    const eb = sb + pb.records[recordOf(b) + LENGTH]!;
    return naturalCompareBytes(pa.bytes, sa + from, ea, pb.bytes, sb + from, eb);
  }

  /** Natural order of a key's bytes from `from` on against other bytes. */
  compareTo(id: number, from: number, other: Uint8Array): number {
    const { bytes, records } = this.#pageOf(id);
    const start = records[recordOf(id) + START]!;
    const end = start + records[recordOf(id) + LENGTH]!;
    return naturalCompareBytes(bytes, start + from, end, other, 0, other.length);
  }

  matches(id: number, bytes: Uint8Array, length: number): boolean {
    const { bytes: stored, records } = this.#pageOf(id);
    const at = recordOf(id);
    if (records[at + LENGTH] !== length) return false;
    const start = records[at + START]!;
    for (let i = 0; i < length; i++) if (stored[start + i] !== bytes[i]) return false;
    return true;
  }

  #pageOf(id: number): KeyPage {
    return this.#pages[id >>> PAGE_BITS]!;
  }
}

const recordOf = (id: number): number => (id & PAGE_MASK) * RECORD;
