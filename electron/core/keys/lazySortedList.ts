import { naturalCompare } from './naturalCompare';

const SMALL = 256;

/**
 * A list of unique names kept in natural order lazily: only the ranges someone reads get sorted
 * (an incremental quicksort). Showing the first 100 of 100,000 names costs a few partition
 * passes (~O(n)) instead of a full sort; reading everything costs one sort in total.
 * `#starts[i]` begins segment i; every name in a segment sorts after every name in the ones
 * before it, and `#sorted[i]` says whether the segment itself is in order.
 */
export class LazySortedList {
  #items: string[];
  #starts: number[] = [0];
  #sorted: boolean[] = [false];
  #allSorted = false;
  #pending: string[] = [];
  #removed = new Set<string>();

  constructor(items: Iterable<string>) {
    this.#items = [...items];
    this.#resetSegments();
  }

  /** A name new to the list. */
  add(name: string): void {
    if (this.#removed.delete(name)) return;
    this.#pending.push(name);
  }

  /** A name that is in the list. */
  remove(name: string): void {
    const at = this.#pending.indexOf(name);
    if (at >= 0) this.#pending.splice(at, 1);
    else this.#removed.add(name);
  }

  get length(): number {
    return this.#items.length + this.#pending.length - this.#removed.size;
  }

  /** Names [from, to) in natural order. */
  slice(from: number, to: number): string[] {
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
      this.#items = this.#items.filter((name) => !removed.has(name));
      removed.clear();
      if (!this.#allSorted) this.#resetSegments();
    }
    if (this.#pending.length === 0) return;
    const pending = this.#pending;
    this.#pending = [];
    if (this.#allSorted) {
      this.#items = mergeSorted(this.#items, pending.sort(naturalCompare));
    } else {
      for (const name of pending) this.#items.push(name);
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
        const part = items.slice(a, b).sort(naturalCompare);
        for (let k = 0; k < part.length; k++) items[a + k] = part[k]!;
        this.#sorted[s] = true;
        s++;
        continue;
      }
      const p = partition(items, a, b);
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
}

/** Lomuto partition around a median-of-three pivot; returns the pivot's final index. */
function partition(items: string[], a: number, b: number): number {
  const mid = (a + b) >> 1;
  const last = b - 1;
  if (naturalCompare(items[mid]!, items[a]!) < 0) swap(items, mid, a);
  if (naturalCompare(items[last]!, items[a]!) < 0) swap(items, last, a);
  if (naturalCompare(items[mid]!, items[last]!) < 0) swap(items, mid, last);
  const pivot = items[last]!;
  let i = a;
  for (let j = a; j < last; j++) {
    if (naturalCompare(items[j]!, pivot) < 0) swap(items, i++, j);
  }
  swap(items, i, last);
  return i;
}

function swap(items: string[], i: number, j: number): void {
  const t = items[i]!;
  items[i] = items[j]!;
  items[j] = t;
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

/** Merges a few sorted additions into a long sorted list: binary search, then block copies. */
function mergeSorted(items: string[], additions: string[]): string[] {
  const out: string[] = [];
  let from = 0;
  for (const name of additions) {
    let lo = from;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (naturalCompare(items[mid]!, name) < 0) lo = mid + 1;
      else hi = mid;
    }
    for (let k = from; k < lo; k++) out.push(items[k]!);
    out.push(name);
    from = lo;
  }
  for (let k = from; k < items.length; k++) out.push(items[k]!);
  return out;
}
