/** Decides whether the entry `id` is the byte string bytes[0, length). */
export interface IdMatcher {
  matches(id: number, bytes: Uint8Array, length: number): boolean;
}

/** The hash's top bits choose one of 256 sub-tables; its low bits the slot in it. */
const SUB_BITS = 8;
const SUB_SHIFT = 32 - SUB_BITS;
const MIN_SLOTS = 16;
const EMPTY = 0;
const TOMBSTONE = -1;

interface SubTable {
  /** Pairs (id + 1, hash); EMPTY or TOMBSTONE in the id field for free slots. */
  slots: Int32Array;
  mask: number;
  /** Slots holding an entry or a tombstone (what limits the probe length). */
  used: number;
  live: number;
  /** `used` past which the sub-table is rebuilt bigger. */
  limit: number;
}

/**
 * A hash set of integer ids over byte strings, in typed arrays: no object per entry, nothing for
 * the GC to trace, and the hash stored next to the id so a probe rarely leaves its cache line.
 * Open addressing with linear probing. Split into 256 sub-tables that grow on their own, so
 * growing never rehashes more than 1/256 of the entries at once (a millisecond or two at 10M
 * keys, not half a second). The sub-tables fill evenly, so each one has its own maximum load
 * (from 1/2 to 3/4): otherwise all 256 would grow during the same few SCAN pages.
 */
export class IdHashTable {
  readonly #subs: SubTable[] = [];

  constructor(private readonly matcher: IdMatcher) {
    for (let i = 0; i < 1 << SUB_BITS; i++) this.#subs.push(newSub(MIN_SLOTS, maxLoad(i)));
  }

  /** The id stored for bytes[0, length) with this hash, or -1. */
  find(hash: number, bytes: Uint8Array, length: number): number {
    const sub = this.#subs[hash >>> SUB_SHIFT]!;
    const { slots, mask } = sub;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const v = slots[2 * i]!;
      if (v === EMPTY) return -1;
      if (v > 0 && slots[2 * i + 1] === hash && this.matcher.matches(v - 1, bytes, length)) return v - 1;
    }
  }

  /** Stores an id that `find` did not find. */
  add(hash: number, id: number): void {
    let sub = this.#subs[hash >>> SUB_SHIFT]!;
    if (sub.used + 1 > sub.limit) sub = this.#rebuild(hash >>> SUB_SHIFT);
    const { slots, mask } = sub;
    let i = hash & mask;
    while (slots[2 * i]! > 0) i = (i + 1) & mask;
    if (slots[2 * i] === EMPTY) sub.used++;
    slots[2 * i] = id + 1;
    slots[2 * i + 1] = hash;
    sub.live++;
  }

  /** Removes an id stored with this hash; false when it is not there. */
  delete(hash: number, id: number): boolean {
    const sub = this.#subs[hash >>> SUB_SHIFT]!;
    const { slots, mask } = sub;
    for (let i = hash & mask; slots[2 * i] !== EMPTY; i = (i + 1) & mask) {
      if (slots[2 * i] === id + 1) {
        slots[2 * i] = TOMBSTONE;
        sub.live--;
        return true;
      }
    }
    return false;
  }

  /** Rehashes one sub-table into a size with room to grow, dropping tombstones. */
  #rebuild(at: number): SubTable {
    const old = this.#subs[at]!;
    // Half the maximum load once rebuilt: a sub-table that filled up doubles.
    let size = MIN_SLOTS;
    while (size * maxLoad(at) < old.live * 2) size *= 2;
    const sub = newSub(size, maxLoad(at));
    const { slots, mask } = sub;
    for (let j = 0; j < old.slots.length; j += 2) {
      const v = old.slots[j]!;
      if (v <= 0) continue;
      const hash = old.slots[j + 1]!;
      let i = hash & mask;
      while (slots[2 * i] !== EMPTY) i = (i + 1) & mask;
      slots[2 * i] = v;
      slots[2 * i + 1] = hash;
    }
    sub.used = sub.live = old.live;
    this.#subs[at] = sub;
    return sub;
  }
}

/** Sub-table i may fill up to 1/2 + i/1024 of its slots. */
const maxLoad = (i: number): number => 0.5 + i / 1024;

const newSub = (size: number, load: number): SubTable => ({
  slots: new Int32Array(size * 2),
  mask: size - 1,
  used: 0,
  live: 0,
  limit: Math.floor(size * load),
});
