// The text of a diagram card, fitted to its width by estimate (SVG text neither wraps nor
// ellipsizes). Addresses are wrapped, never cut; a status is wrapped between its parts.

/** Left of the text (stripe and margin). */
export const TEXT_LEFT = 16;
/** Right of the address: the state dot. */
const ADDRESS_RIGHT = 30;
const STATUS_RIGHT = 12;
/**
 * Width of one character of the address (14 px monospace): a little more than the widest
 * common monospace fonts (0.6 em), so an estimate never cuts a real address.
 */
export const ADDRESS_CHAR_PX = 8.7;
/** Of the status (12 px sans-serif): about the width of a digit, the widest common character. */
export const STATUS_CHAR_PX = 7.2;
/** Each further line of an address, or of a status, makes the card this much taller. */
export const ADDRESS_LINE_PX = 17;
export const STATUS_LINE_PX = 15;
/** Beyond this many lines a status is cut (an error message): the details panel has it whole. */
const STATUS_MAX_LINES = 3;

export const addressChars = (cardWidth: number) =>
  Math.floor((cardWidth - TEXT_LEFT - ADDRESS_RIGHT) / ADDRESS_CHAR_PX);
export const statusChars = (cardWidth: number) => Math.floor((cardWidth - TEXT_LEFT - STATUS_RIGHT) / STATUS_CHAR_PX);
/** The card width that shows this address on one line. */
export const addressWidth = (address: string) =>
  Math.ceil(TEXT_LEFT + ADDRESS_RIGHT + address.length * ADDRESS_CHAR_PX);

/**
 * Text split into lines of at most `chars` characters, never cut: breaks go after a `.`, `-`
 * or space, or before the `:` of a port, when there is one in the line; else anywhere.
 */
export function wrapAddress(address: string, chars: number): string[] {
  const max = Math.max(1, chars);
  const lines: string[] = [];
  let rest = address;
  while (rest.length > max) {
    let cut = -1;
    for (let i = max; i > 0; i--) {
      const before = rest[i - 1]!;
      if (before === '.' || before === '-' || before === ' ' || rest[i] === ':') {
        cut = i;
        break;
      }
    }
    if (cut <= 0) cut = max;
    lines.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  lines.push(rest);
  return lines;
}

/**
 * A status ("up · failover leader · sees 127.0.0.1:6380") in lines of at most `chars`: parts
 * stay whole on a line when they fit one, so an address in it is never cut; past the last line
 * allowed the rest is cut with "…".
 */
export function wrapStatus(status: string, chars: number): string[] {
  const max = Math.max(1, chars);
  const lines: string[] = [];
  for (const part of status.split(' · ').filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 3 + part.length <= max) lines[lines.length - 1] = `${last} · ${part}`;
    else lines.push(...wrapAddress(part, max));
  }
  if (lines.length <= STATUS_MAX_LINES) return lines;
  const kept = lines.slice(0, STATUS_MAX_LINES);
  const end = kept[STATUS_MAX_LINES - 1]!;
  kept[STATUS_MAX_LINES - 1] = `${end.slice(0, max - 1)}…`;
  return kept;
}
