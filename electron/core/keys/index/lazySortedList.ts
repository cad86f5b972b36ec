const SMALL = 256;

/**
 * How a list orders its items: a number per item that sorts like `compare` as far as it goes
 * (key(a) < key(b) implies compare(a, b) < 0; see naturalKey), and the full comparison for ties.
 */
export interface SortOrder<T> {
  key(item: T): number;
  compare(a: T, b: T): number;
}

/**
 * A list of unique names (folder names, or key ids ordered by their bytes) kept in order lazily:
 * only the ranges someone reads get sorted (an incremental quicksort). Showing the first 100 of
 * 100,000 names costs a few partition passes (~O(n)) instead of a full sort; reading everything
 * costs one sort in total. Each item's sort key sits in a parallel array, so a comparison is
 * mostly two doubles. `#starts[i]` begins segment i; every item in a segment sorts after every
 * item in the ones before it, and `#sorted[i]` says whether the segment itself is in order.
 */
export class LazySortedList<T> {
  readonly #order: SortOrder<T>;
  #items: T[];
  #keys: number[];
  #starts: number[] = [0];
  #sorted: boolean[] = [false];
  #allSorted = false;
  #pending: T[] = [];
  #removed = new Set<T>();

  /** `keys`, when given, are the items' sort keys, already computed. */
  constructor(items: Iterable<T>, order: SortOrder<T>, keys?: number[]) {
    this.#order = order;
    this.#items = [...items];
    this.#keys = keys ?? this.#items.map((item) => order.key(item));
    this.#resetSegments();
  }

  /** An item new to the list. */
  add(item: T): void {
    if (this.#removed.delete(item)) return;
    this.#pending.push(item);
  }

  /** An item that is in the list. */
  remove(item: T): void {
    const at = this.#pending.indexOf(item);
    if (at >= 0) this.#pending.splice(at, 1);
    else this.#removed.add(item);
  }

  get length(): number {
    return this.#items.length + this.#pending.length - this.#removed.size;
  }

  /** Items [from, to) in order. */
  slice(from: number, to: number): T[] {
    this.#settle();
    const hi = Math.min(to, this.#items.length);
    if (from >= hi) return [];
    if (!this.#allSorted) this.#ensure(from, hi);
    return this.#items.slice(from, hi);
  }

  /** Applies pending additions and removals. */
  #settle(): void {
    if (this.#removed.size > 0) {
      const removed = this.#removed;
      const items: T[] = [];
      const keys: number[] = [];
      for (let i = 0; i < this.#items.length; i++) {
        if (removed.has(this.#items[i]!)) continue;
        items.push(this.#items[i]!);
        keys.push(this.#keys[i]!);
      }
      this.#items = items;
      this.#keys = keys;
      removed.clear();
      if (!this.#allSorted) this.#resetSegments();
    }
    if (this.#pending.length === 0) return;
    const pending = this.#pending;
    this.#pending = [];
    const keys = pending.map((item) => this.#order.key(item));
    if (this.#allSorted) {
      const added = sortedPairs(pending, keys, 0, pending.length, this.#order.compare);
      this.#merge(added.items, added.keys);
    } else {
      for (let i = 0; i < pending.length; i++) {
        this.#items.push(pending[i]!);
        this.#keys.push(keys[i]!);
      }
      this.#resetSegments();
    }
  }

  #resetSegments(): void {
    this.#starts = [0];
    this.#sorted = [this.#items.length <= 1];
    this.#allSorted = this.#items.length <= 1;
  }

  #ensure(lo: number, hi: number): void {
    const items = this.#items;
    const keys = this.#keys;
    let s = upperBound(this.#starts, lo) - 1;
    while (s < this.#starts.length) {
      const a = this.#starts[s]!;
      if (a >= hi) break;
      const b = this.#starts[s + 1] ?? items.length;
      if (b <= lo || this.#sorted[s]) {
        s++;
        continue;
      }
      if (b - a <= SMALL) {
        const part = sortedPairs(items, keys, a, b, this.#order.compare);
        for (let k = 0; k < part.items.length; k++) {
          items[a + k] = part.items[k]!;
          keys[a + k] = part.keys[k]!;
        }
        this.#sorted[s] = true;
        s++;
        continue;
      }
      const p = partition(items, keys, a, b, this.#order.compare);
      // Replace segment s by [a,p) unsorted, [p] sorted, [p+1,b) unsorted (dropping empty ones).
      const starts: number[] = [];
      const sorted: boolean[] = [];
      if (p > a) {
        starts.push(a);
        sorted.push(false);
      }
      starts.push(p);
      sorted.push(true);
      if (p + 1 < b) {
        starts.push(p + 1);
        sorted.push(false);
      }
      this.#starts.splice(s, 1, ...starts);
      this.#sorted.splice(s, 1, ...sorted);
    }
    if (this.#sorted.every(Boolean)) {
      this.#allSorted = true;
      this.#starts = [0];
      this.#sorted = [true];
    }
  }

  /** Merges a few sorted additions into the long sorted list: binary search, then block copies. */
  #merge(addItems: T[], addKeys: number[]): void {
    const { compare } = this.#order;
    const items = this.#items;
    const keys = this.#keys;
    const outItems: T[] = [];
    const outKeys: number[] = [];
    let from = 0;
    for (let n = 0; n < addItems.length; n++) {
      let lo = from;
      let hi = items.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (less(keys[mid]!, items[mid]!, addKeys[n]!, addItems[n]!, compare)) lo = mid + 1;
        else hi = mid;
      }
      for (let k = from; k < lo; k++) {
        outItems.push(items[k]!);
        outKeys.push(keys[k]!);
      }
      outItems.push(addItems[n]!);
      outKeys.push(addKeys[n]!);
      from = lo;
    }
    for (let k = from; k < items.length; k++) {
      outItems.push(items[k]!);
      outKeys.push(keys[k]!);
    }
    this.#items = outItems;
    this.#keys = outKeys;
  }
}

function less<T>(ka: number, a: T, kb: number, b: T, compare: (a: T, b: T) => number): boolean {
  return ka < kb || (ka === kb && compare(a, b) < 0);
}

/** Items [a, b) and their keys, sorted (a small segment, or a batch of additions). */
function sortedPairs<T>(items: T[], keys: number[], a: number, b: number, compare: (a: T, b: T) => number) {
  const at = Array.from({ length: b - a }, (_, k) => a + k);
  at.sort((x, y) => (keys[x]! < keys[y]! ? -1 : keys[x]! > keys[y]! ? 1 : compare(items[x]!, items[y]!)));
  return { items: at.map((k) => items[k]!), keys: at.map((k) => keys[k]!) };
}

/** Lomuto partition around a median-of-three pivot; returns the pivot's final index. */
function partition<T>(items: T[], keys: number[], a: number, b: number, compare: (a: T, b: T) => number): number {
  const mid = (a + b) >> 1;
  const last = b - 1;
  if (less(keys[mid]!, items[mid]!, keys[a]!, items[a]!, compare)) swap(items, keys, mid, a);
  if (less(keys[last]!, items[last]!, keys[a]!, items[a]!, compare)) swap(items, keys, last, a);
  if (less(keys[mid]!, items[mid]!, keys[last]!, items[last]!, compare)) swap(items, keys, mid, last);
  const pivot = items[last]!;
  const pivotKey = keys[last]!;
  let i = a;
  for (let j = a; j < last; j++) {
    const k = keys[j]!;
    if (k < pivotKey || (k === pivotKey && compare(items[j]!, pivot) < 0)) swap(items, keys, i++, j);
  }
  swap(items, keys, i, last);
  return i;
}

function swap<T>(items: T[], keys: number[], i: number, j: number): void {
  const t = items[i]!;
  items[i] = items[j]!;
  items[j] = t;
  const k = keys[i]!;
  keys[i] = keys[j]!;
  keys[j] = k;
}

/** First index whose value is > x (in an ascending number array). */
function upperBound(values: number[], x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
