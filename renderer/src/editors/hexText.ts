/** Bytes per line of the hex view (the offsets gutter counts in these). */
export const HEX_PER_LINE = 16;

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/** "48 65 6c": the bytes in hex, space-separated. */
export function hexDigits(bytes: Uint8Array): string {
  const digits: string[] = [];
  for (const byte of bytes) digits.push(HEX[byte]!);
  return digits.join(' ');
}

/** "48 65 6c 6c 6f …", 16 bytes a line. */
export function toHex(bytes: Uint8Array): string {
  const lines: string[] = [];
  for (let i = 0; i < bytes.length; i += HEX_PER_LINE) lines.push(hexDigits(bytes.subarray(i, i + HEX_PER_LINE)));
  return lines.join('\n');
}

/** "Hello.world": printable ASCII as itself, any other byte as '.'. */
export const printable = (bytes: Uint8Array): string =>
  Array.from(bytes, (b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');

const digit = (c: number): number =>
  c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x61 && c <= 0x66 ? c - 0x57 : c >= 0x41 && c <= 0x46 ? c - 0x37 : -1;
const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

export type HexParse = { bytes: Uint8Array } | { error: string; offset: number };

/** Reads hex digits back into bytes; any whitespace separates them, and is otherwise ignored. */
export function parseHex(text: string): HexParse {
  const out = new Uint8Array(text.length >> 1);
  let n = 0;
  let high = -1;
  let highAt = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) continue;
    const d = digit(c);
    if (d < 0) return { error: `“${text[i]}” is not a hex digit (0-9, a-f)`, offset: i };
    if (high < 0) {
      high = d;
      highAt = i;
    } else {
      out[n++] = (high << 4) | d;
      high = -1;
    }
  }
  if (high >= 0) return { error: 'A byte needs two hex digits; this one has only one', offset: highAt };
  return { bytes: out.slice(0, n) };
}

/** How many whole bytes a line of hex text holds (for the offsets gutter). */
export function bytesInLine(line: string): number {
  let digits = 0;
  for (let i = 0; i < line.length; i++) if (digit(line.charCodeAt(i)) >= 0) digits++;
  return digits >> 1;
}

/** The printable-ASCII column of a hex line: "Hello.world" ('.' for anything else). */
export function asciiOf(line: string): string {
  let out = '';
  let high = -1;
  for (let i = 0; i < line.length; i++) {
    const d = digit(line.charCodeAt(i));
    if (d < 0) continue;
    if (high < 0) high = d;
    else {
      const b = (high << 4) | d;
      out += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.';
      high = -1;
    }
  }
  return out;
}
