/** Characters JSON.stringify adds to a byte of text: `\u0000`-style escapes for control bytes, `\n` and co. */
const JSON_EXTRA = new Uint8Array(256);
for (let byte = 0; byte < 0x20; byte++) JSON_EXTRA[byte] = 5;
for (const byte of [0x08, 0x09, 0x0a, 0x0c, 0x0d, 0x22, 0x5c]) JSON_EXTRA[byte] = 1;

/*
 * Word-at-a-time tests (4 bytes of an Int32): whether some byte is below 0x20, or is zero after
 * an XOR with `"` or `\` repeated. Exact, so only words holding an escaped byte are looked at
 * byte by byte: a 256 MB text is checked in a fraction of the time its JSON takes to build.
 */
const hasControl = (w: number) => ((w - 0x20202020) & ~w & 0x80808080) !== 0;
const hasZero = (w: number) => ((w - 0x01010101) & ~w & 0x80808080) !== 0;
const hasEscaped = (w: number) => hasControl(w) || hasZero(w ^ 0x22222222) || hasZero(w ^ 0x5c5c5c5c);

/** Whether `bytes`, as JSON text, would take more characters than `limit` more than their length. */
export function jsonEscapesExceed(bytes: Uint8Array, limit: number): boolean {
  let extra = 0;
  const bytewise = (from: number, to: number) => {
    for (let i = from; i < to; i++) extra += JSON_EXTRA[bytes[i]!]!;
    return extra > limit;
  };
  const head = Math.min(bytes.length, (4 - (bytes.byteOffset & 3)) & 3);
  if (bytewise(0, head)) return true;
  const count = (bytes.length - head) >> 2;
  // (Without a whole word left, `head` may stop short of an aligned offset: no view then.)
  const words = count > 0 ? new Int32Array(bytes.buffer, bytes.byteOffset + head, count) : new Int32Array(0);
  for (let w = 0; w < count; w++) {
    if (hasEscaped(words[w]!) && bytewise(head + 4 * w, head + 4 * w + 4)) return true;
  }
  return bytewise(head + 4 * count, bytes.length);
}
