import { escapeBytes, parseEscapes } from '../ui/keyText';
import { HEX_PER_LINE, parseHex, toHex } from './hexText';
import { describeJsonError, isJsonDocument, isMultiline, reformatJson } from './jsonFormat';
import { PARTIAL_LOAD_BYTES } from '../../../shared/api/values';
import { utf8Bytes, utf8Text } from './valueBytes';

/** How a value is shown and edited: UTF-8 text, pretty-printed JSON, or a hex dump. */
export type ViewKind = 'text' | 'json' | 'hex';
export type JsonStyle = 'compact' | 'pretty';

export const VIEWS: readonly { kind: ViewKind; label: string }[] = [
  { kind: 'text', label: 'Text' },
  { kind: 'json', label: 'JSON' },
  { kind: 'hex', label: 'Hex' },
];

/**
 * Values bigger than this (those that load partially first) are "big": they are never turned
 * into one string or one hex text at once, JSON is not detected (it is offered), and the hex
 * view draws rows straight from the bytes (HexGrid).
 */
export const BIG_VALUE_BYTES = PARTIAL_LOAD_BYTES;
export const isBig = (bytes: Uint8Array): boolean => bytes.length > BIG_VALUE_BYTES;
/**
 * The hex view of values above this size (big ones, and the first 1 MB of a partial one) is the
 * HexGrid, which overwrites rows in place; smaller ones get an editable hex text.
 */
export const HEX_GRID_BYTES = 128 * 1024;
const JSON_INDENT = 2;

export interface Shown {
  text: string;
  /** Text view of bytes that are not UTF-8: escaped as redis-cli does, read back the same way. */
  escaped: boolean;
  /** Why the view shows the value as it does (e.g. JSON that does not parse). */
  note?: string;
}

/** JSON when it is an object or array that parses (values up to BIG_VALUE_BYTES), Hex when it is not UTF-8, else Text. */
export function defaultView(bytes: Uint8Array): ViewKind {
  const text = utf8Text(bytes);
  if (text === null) return 'hex';
  if (!isBig(bytes) && isJsonDocument(text)) return 'json';
  return 'text';
}

/** The style a JSON value was saved in, to save it back the same way by default. */
export const jsonStyleOf = (bytes: Uint8Array): JsonStyle =>
  isMultiline(utf8Text(bytes) ?? '') ? 'pretty' : 'compact';

/** Bytes escaped like redis-cli (`\xff`), except that line feeds stay line breaks. */
function escapeValue(bytes: Uint8Array): string {
  const lines: string[] = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      lines.push(escapeBytes(bytes.subarray(start, i)));
      start = i + 1;
    }
  }
  return lines.join('\n');
}

/** Why a view cannot show a value (`isUtf8` undefined: not known yet), or undefined when it can. */
export function viewUnavailable(view: ViewKind, bytes: Uint8Array, isUtf8: boolean | undefined): string | undefined {
  if (view === 'json' && isUtf8 === false) return 'The value is not UTF-8 text, so it cannot be JSON.';
  if (view === 'text' && isUtf8 === false && isBig(bytes))
    return 'The value is not UTF-8 text, and too big to show escaped: use Hex.';
  return undefined;
}

/** The editor text for bytes in a view (check viewUnavailable first). */
export function showAs(bytes: Uint8Array, view: ViewKind): Shown {
  if (view === 'hex') return { text: toHex(bytes), escaped: false };
  const text = utf8Text(bytes);
  if (text === null) return { text: escapeValue(bytes), escaped: true };
  if (view === 'text') return { text, escaped: false };
  const pretty = reformatJson(text, JSON_INDENT);
  if ('text' in pretty) return { text: pretty.text, escaped: false };
  return { text, escaped: false, note: `Not valid JSON: ${describeJsonError(text, pretty)}. Shown as it is.` };
}

export type ReadBack = { bytes: Uint8Array } | { error: string };

/** The exact bytes an edited view stands for, or why the text does not stand for any. */
export function readBack(text: string, view: ViewKind, opts: { escaped: boolean; style: JsonStyle }): ReadBack {
  switch (view) {
    case 'text': {
      if (!opts.escaped) return { bytes: utf8Bytes(text) };
      const parsed = parseEscapes(text);
      return 'error' in parsed ? { error: parsed.error } : parsed;
    }
    case 'json': {
      const formatted = reformatJson(text, opts.style === 'pretty' ? JSON_INDENT : null);
      if ('error' in formatted) return { error: `Not valid JSON: ${describeJsonError(text, formatted)}.` };
      return { bytes: utf8Bytes(formatted.text) };
    }
    case 'hex': {
      const parsed = parseHex(text);
      if ('bytes' in parsed) return parsed;
      const before = text.slice(0, parsed.offset);
      const line = before.split('\n').length;
      return { error: `${parsed.error} (line ${line}, byte offset ~${(line - 1) * HEX_PER_LINE}).` };
    }
  }
}
