const GLOB_SPECIAL = new Set([0x2a, 0x3f, 0x5b, 0x5d, 0x5c]); // * ? [ ] \

/** `SCAN MATCH` pattern for every key starting with `prefix` (glob characters escaped). */
export function prefixPattern(prefix: Buffer): Buffer {
  const out: number[] = [];
  for (const byte of prefix) {
    if (GLOB_SPECIAL.has(byte)) out.push(0x5c);
    out.push(byte);
  }
  out.push(0x2a);
  return Buffer.from(out);
}

/**
 * Redis glob matching (`stringmatchlen`: `*`, `?`, `[a-z]`, `[^x]`, `\` escapes) on 'latin1'
 * strings. Used when a folder of a capped `MATCH` scan is completed with a prefix pattern: the
 * keys found must still match the user's pattern.
 */
export function globMatch(pattern: string, key: string): boolean {
  let p = 0;
  let s = 0;
  let starP = -1;
  let starS = 0;
  while (s < key.length) {
    if (p < pattern.length) {
      if (pattern[p] === '*') {
        starP = p++;
        starS = s;
        continue;
      }
      const next = matchOne(pattern, p, key.charCodeAt(s));
      if (next >= 0) {
        p = next;
        s++;
        continue;
      }
    }
    if (starP < 0) return false;
    p = starP + 1;
    s = ++starS;
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}

/** Matches one char at pattern[p]; returns the next pattern index, or -1. */
function matchOne(pattern: string, p: number, ch: number): number {
  const c = pattern[p];
  if (c === '?') return p + 1;
  if (c === '\\' && p + 1 < pattern.length) return pattern.charCodeAt(p + 1) === ch ? p + 2 : -1;
  if (c !== '[') return pattern.charCodeAt(p) === ch ? p + 1 : -1;
  let i = p + 1;
  const negate = pattern[i] === '^';
  if (negate) i++;
  let matched = false;
  while (i < pattern.length && pattern[i] !== ']') {
    if (pattern[i] === '\\' && i + 1 < pattern.length) {
      if (pattern.charCodeAt(i + 1) === ch) matched = true;
      i += 2;
    } else if (pattern[i + 1] === '-' && i + 2 < pattern.length) {
      let lo = pattern.charCodeAt(i);
      let hi = pattern.charCodeAt(i + 2);
      if (lo > hi) [lo, hi] = [hi, lo];
      if (ch >= lo && ch <= hi) matched = true;
      i += 3;
    } else {
      if (pattern.charCodeAt(i) === ch) matched = true;
      i++;
    }
  }
  if (i < pattern.length) i++; // the closing ]
  return matched !== negate ? i : -1;
}
