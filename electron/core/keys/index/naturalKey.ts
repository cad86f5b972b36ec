// A number per name that sorts like `naturalCompare` as far as 53 bits reach: key(a) < key(b)
// implies naturalCompare(a, b) < 0, and only equal keys need the full comparison. Sorting 100,000
// names then compares doubles, not strings (several times faster; most keys are distinct).
//
// The name is read as tokens in natural order — END, bytes 0..47, a digit run, bytes 58..255 (a
// run compares with a byte as its first digit would, so it sits between 47 and 58) — and a run as
// (significant digits count, the digits, leading zeros). The symbols are arithmetic-coded into
// [0, 2^53): each one narrows the interval, in order, until it is less than 1 wide; what is left
// out is the same for every name with the same prefix, so they tie. A count too big to code
// (31+ digits, 7+ zeros) ends the key the same way.

const TOKENS = 248;
const RUN = 49;
const LENGTHS = 32;
const ZEROS = 8;
const SPACE = 2 ** 53;

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const tokenOf = (c: number): number => (c < 48 ? 1 + c : c - 8);

/** The key of bytes [from, to). */
export function naturalKeyBytes(b: Uint8Array, from: number, to: number): number {
  let lo = 0;
  let width = SPACE;
  for (let i = from; ;) {
    width = Math.floor(width / TOKENS);
    if (i >= to || width < 1) return lo;
    const c = b[i]!;
    if (!isDigit(c)) {
      lo += tokenOf(c) * width;
      i++;
      continue;
    }
    lo += RUN * width;
    let s = i;
    while (s < to && b[s] === 48) s++;
    let e = s;
    while (e < to && isDigit(b[e]!)) e++;
    width = Math.floor(width / LENGTHS);
    if (width < 1) return lo;
    lo += Math.min(e - s, LENGTHS - 1) * width;
    if (e - s >= LENGTHS - 1) return lo;
    for (let k = s; k < e; k++) {
      width = Math.floor(width / 10);
      if (width < 1) return lo;
      lo += (b[k]! - 48) * width;
    }
    width = Math.floor(width / ZEROS);
    if (width < 1) return lo;
    lo += Math.min(s - i, ZEROS - 1) * width;
    if (s - i >= ZEROS - 1) return lo;
    i = e;
  }
}

/** The key of a 'latin1' string (the same algorithm over char codes). */
export function naturalKey(text: string): number {
  let lo = 0;
  let width = SPACE;
  const to = text.length;
  for (let i = 0; ;) {
    width = Math.floor(width / TOKENS);
    if (i >= to || width < 1) return lo;
    const c = text.charCodeAt(i);
    if (!isDigit(c)) {
      lo += tokenOf(c) * width;
      i++;
      continue;
    }
    lo += RUN * width;
    let s = i;
    while (s < to && text.charCodeAt(s) === 48) s++;
    let e = s;
    while (e < to && isDigit(text.charCodeAt(e))) e++;
    width = Math.floor(width / LENGTHS);
    if (width < 1) return lo;
    lo += Math.min(e - s, LENGTHS - 1) * width;
    if (e - s >= LENGTHS - 1) return lo;
    for (let k = s; k < e; k++) {
      width = Math.floor(width / 10);
      if (width < 1) return lo;
      lo += (text.charCodeAt(k) - 48) * width;
    }
    width = Math.floor(width / ZEROS);
    if (width < 1) return lo;
    lo += Math.min(s - i, ZEROS - 1) * width;
    if (s - i >= ZEROS - 1) return lo;
    i = e;
  }
}
