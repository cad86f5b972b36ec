// 32-bit hashes of byte strings for the key index's own hash tables. FNV-1a is cheap enough to
// run while the key is scanned for delimiters (one pass gives the hash of every prefix); the
// murmur3 finaliser then mixes all bits, because the tables pick sub-table and slot from
// different bit ranges.

export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;

/** The finished hash of an FNV-1a state. */
export function finishHash(state: number): number {
  let h = state ^ (state >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** The finished hash of bytes [from, to). */
export function hashBytes(bytes: Uint8Array, from: number, to: number): number {
  let h = FNV_OFFSET;
  for (let i = from; i < to; i++) h = Math.imul(h ^ bytes[i]!, FNV_PRIME);
  return finishHash(h);
}
