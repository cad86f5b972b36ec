import type { Text } from '@codemirror/state';
import type { Draft } from './drafts';
import type { LoadedValue } from './loadedValue';
import { textDocOf } from './textDoc';
import { defaultView, HEX_GRID_BYTES, isBig, jsonStyleOf, showAs, type JsonStyle, type ViewKind } from './valueViews';

/** What the editor shows first: text, or (big values) a document prepared in time slices. */
export interface DocStart {
  text: string | Text;
  escaped: boolean;
  /** Why the view shows the value as it does (JSON that does not parse). */
  note?: string;
}

/** The JSON style of a big value's text: several lines = pretty. */
const docStyle = (text: Text | null | undefined): JsonStyle => (text && text.lines > 2 ? 'pretty' : 'compact');

/**
 * Where a ByteEditor starts: from a restored draft, else from the loaded value in its default
 * view. A big value is never turned into one string here: its text comes prepared, its hex view
 * needs none.
 */
export function editorStart(loaded: LoadedValue, restored: Draft | undefined) {
  const bytes = restored?.base.bytes ?? loaded.bytes;
  const big = isBig(bytes);
  const view: ViewKind = restored?.view ?? (big ? (loaded.text ? 'text' : 'hex') : defaultView(loaded.bytes));
  const baseStyle = big ? docStyle(loaded.text) : jsonStyleOf(loaded.bytes);
  /** The hex view draws rows from the bytes (HexGrid) rather than being a hex text. */
  const hexGrid = bytes.length > HEX_GRID_BYTES;
  const doc: DocStart = restored
    ? { text: restored.text, escaped: restored.escaped }
    : big || (hexGrid && view === 'hex')
      ? { text: loaded.text ?? '', escaped: false }
      : showAs(loaded.bytes, view);
  return {
    big,
    hexGrid,
    view,
    doc,
    baseStyle,
    style: restored?.style ?? baseStyle,
    base: restored?.base ?? { bytes: loaded.bytes, version: loaded.version },
    /** A big value's base as a document: undefined until prepared for this base, null = not UTF-8. */
    baseText: restored ? undefined : loaded.text,
    /** A big value's bytes with rows overwritten in the hex view. */
    hexWork: restored?.hexBytes,
  };
}

/**
 * Where a big value's Text or JSON view starts: for Text the bytes' document (the `known` one
 * when they are the base's); for JSON — the user's explicit choice — the whole value
 * pretty-printed at once. `text`: the bytes' document (null: not UTF-8, and no start).
 */
export async function bigViewStart(
  bytes: Uint8Array,
  next: 'text' | 'json',
  known: Text | null | undefined,
): Promise<{ start?: DocStart; text: Text | null }> {
  const text = known !== undefined ? known : await textDocOf(bytes);
  if (text === null) return { text };
  return { text, start: next === 'text' ? { text, escaped: false } : showAs(bytes, 'json') };
}
