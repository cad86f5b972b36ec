import type { Text } from '@codemirror/state';
import type { ApiError } from '../../../shared/api/errors';
import type { Result } from '../../../shared/api/result';
import type { WriteResult } from '../../../shared/api/values';
import type { Draft } from './drafts';
import { editorStart, type DocStart } from './editorStart';
import { conflictCurrent, type LoadedValue } from './loadedValue';
import { formatBytes, sameBytes } from './valueBytes';
import { jsonStyleOf, showAs, type JsonStyle, type Shown, type ViewKind } from './valueViews';

/*
 * The ByteEditor's state and its save protocol, without React: what a compare-and-set save
 * answers and what the editor shows then (saved, conflict, failure), view switches and their
 * "preparing" phase, and a big value's prepared text. The component reads the editor and calls
 * the API; every change of what it shows goes through `byteEditorReducer`.
 */

/** Values up to this size open with long lines wrapped (bigger ones stay fast unwrapped). */
export const WRAP_LIMIT = 256 * 1024;

/** What the text editor starts from; a new generation makes a new editor (see CodeEditor's `key`). */
export type Doc = DocStart & { generation: number };

/** A save met a value someone else changed: the bytes the user meant, and the server's now. */
export interface Conflict {
  mine: Uint8Array;
  current: LoadedValue;
}

export interface ByteEditState {
  /** A big value (see isBig): its text is a prepared document, its saves keep what is shown. */
  readonly big: boolean;
  /** Its hex view is the HexGrid (rows drawn from the bytes) rather than a hex text. */
  readonly hexGridAvailable: boolean;
  /** A draft was restored; `changedSince`: the value changed on the server since it was made. */
  readonly restored?: { changedSince: boolean };
  /** What saves are checked against (version null: only a part is loaded, nothing saves). */
  base: { bytes: Uint8Array; version: string | null };
  /** The JSON style the base is in (a save in the other style is a change). */
  baseStyle: JsonStyle;
  view: ViewKind;
  style: JsonStyle;
  /** A big value's base as a document: undefined until prepared for this base, null = not UTF-8. */
  baseText: Text | null | undefined;
  /** A big value's bytes with rows overwritten in the hex grid. */
  hexWork: Uint8Array | undefined;
  doc: Doc;
  /** The editor's starting text differs from the base (a restored draft, or an edit carried across views). */
  carried: boolean;
  /** The text editor's content differs from its starting text (its onDirty). */
  edited: boolean;
  inputError?: string;
  failure?: ApiError;
  conflict?: Conflict;
  /** A save is being checked or written. */
  busy: boolean;
  /** A view switch is being prepared. */
  preparing: boolean;
  savedNote?: string;
  wrap: boolean;
}

/**
 * The state a ByteEditor opens in: from the loaded value, or from a kept draft of it (never for
 * a read-only or partial value: those cannot be saved).
 */
export function initialByteEditState(loaded: LoadedValue, readOnly: boolean, draft: Draft | undefined): ByteEditState {
  const restored = readOnly || loaded.partial ? undefined : draft;
  const start = editorStart(loaded, restored);
  return {
    big: start.big,
    hexGridAvailable: start.hexGrid,
    restored: restored && { changedSince: restored.base.version !== loaded.version },
    base: start.base,
    baseStyle: start.big ? start.baseStyle : jsonStyleOf(start.base.bytes),
    view: start.view,
    style: start.style,
    baseText: start.baseText,
    hexWork: start.hexWork,
    doc: { ...start.doc, generation: 0 },
    carried: !!restored,
    edited: false,
    busy: false,
    preparing: false,
    wrap: loaded.bytes.length <= WRAP_LIMIT,
  };
}

/** The HexGrid is on screen (instead of a text editor). */
export const showsHexGrid = (s: Pick<ByteEditState, 'hexGridAvailable' | 'view'>): boolean =>
  s.hexGridAvailable && s.view === 'hex';

/** There is an unsaved edit: typed, carried in (draft, view switch), or a JSON style change. */
export const isDirty = (s: ByteEditState): boolean =>
  s.edited || s.carried || (s.view === 'json' && s.style !== s.baseStyle);

/** How a save ended, for the editor. */
/**
 * What a save left: the server's answer, or, when a retry found its own earlier write in a
 * CONFLICT, what that conflict said — then without the key's size and encoding after it.
 */
export type SavedValue = Omit<WriteResult, 'keySize' | 'encoding'> & Partial<Pick<WriteResult, 'keySize' | 'encoding'>>;

export type WriteOutcome = { saved: SavedValue } | { conflict: Conflict } | { failure: ApiError };

/**
 * What a save's answer means. A CONFLICT whose server value is exactly the bytes written is a
 * success: a retry (after a lost connection) found its own earlier attempt applied. Any other
 * CONFLICT that names the server's value goes to the conflict view; the rest is a failure.
 */
export function writeOutcome(bytes: Uint8Array, result: Result<WriteResult>): WriteOutcome {
  if (result.ok) return { saved: result.value };
  const { error } = result;
  const details = error.code === 'CONFLICT' ? error.details : undefined;
  const current = conflictCurrent(details);
  if (current?.version && sameBytes(current.bytes, bytes)) {
    // A string's conflict says its TTL now; a field has none of its own.
    const ttlMs = details && 'ttlMs' in details.current ? details.current.ttlMs : -1;
    return { saved: { version: current.version, size: current.size, ttlMs } };
  }
  return current ? { conflict: { mine: bytes, current } } : { failure: error };
}

/**
 * What the editor shows once `bytes` are saved: the grid as it is; a big value's text or JSON
 * as it is (never turned into a string: its Text document becomes the base text, its JSON style
 * the base style); a small value's text as it is when it already reads exactly as the saved
 * bytes shown anew, else those shown anew. `asShown`: the text editor's content is the new
 * unchanged (the caller marks it clean).
 */
export type AfterSave =
  | { kind: 'grid' }
  | { kind: 'asShown'; big?: { baseText: Text | undefined; baseStyle?: JsonStyle } }
  | { kind: 'reshow'; shown: Shown };

export function afterSave(
  s: Pick<ByteEditState, 'big' | 'hexGridAvailable' | 'view' | 'style'>,
  bytes: Uint8Array,
  editorText: Text | undefined,
): AfterSave {
  if (showsHexGrid(s)) return { kind: 'grid' };
  if (s.big) {
    const baseText = s.view === 'text' ? editorText : undefined;
    return { kind: 'asShown', big: s.view === 'json' ? { baseText, baseStyle: s.style } : { baseText } };
  }
  const shown = showAs(bytes, s.view);
  return (editorText?.toString() ?? '') === shown.text ? { kind: 'asShown' } : { kind: 'reshow', shown };
}

export type ByteEditAction =
  /** The text editor's content differs from its starting text, or no longer does. */
  | { type: 'edited'; edited: boolean }
  /** Bytes overwritten at `offset` in the hex grid. */
  | { type: 'hexOverwritten'; offset: number; bytes: Uint8Array }
  | { type: 'styleChosen'; style: JsonStyle }
  | { type: 'wrapChosen'; wrap: boolean }
  /** Why the edit stands for no bytes (cleared when it does again). */
  | { type: 'inputError'; error: string | undefined }
  | { type: 'viewPreparing' }
  /** A big value's base prepared as a document (null: not UTF-8). */
  | { type: 'baseTextPrepared'; text: Text | null }
  /** The view switched to `view`, showing `shown`; `bytes` are the edit's, `changed` if they differ from the base. */
  | { type: 'viewShown'; view: ViewKind; shown: DocStart; bytes: Uint8Array; changed: boolean }
  | { type: 'viewPrepared' }
  /** Save pressed: the edit is read back and compared with the base. */
  | { type: 'saveChecking' }
  /** The edit read back: no bytes (inputError says why), the base's bytes, or others (a write follows). */
  | { type: 'saveChecked'; edit: 'unreadable' | 'unchanged' | 'changed' }
  | { type: 'writing' }
  /** A write saved `bytes` (`at`: the time shown with it); `after`: what the editor shows then. */
  | { type: 'saved'; bytes: Uint8Array; result: SavedValue; at: string; after: AfterSave }
  /** A write did not save: the conflict view opens, or the failure is shown (the edit stays). */
  | { type: 'notSaved'; outcome: Exclude<WriteOutcome, { saved: SavedValue }> }
  | { type: 'failureDismissed' }
  /** Conflict view closed to edit on: the next save is checked against the server's version shown. */
  | { type: 'keepEditing' };

/** A new base: a small value's JSON style is read from its bytes, a big one keeps what it had. */
const rebased = (s: ByteEditState, bytes: Uint8Array, version: string): ByteEditState => ({
  ...s,
  base: { bytes, version },
  baseStyle: s.big ? s.baseStyle : jsonStyleOf(bytes),
});

function saved(s: ByteEditState, a: Extract<ByteEditAction, { type: 'saved' }>): ByteEditState {
  let next: ByteEditState = {
    ...rebased(s, a.bytes, a.result.version),
    busy: false,
    failure: undefined,
    conflict: undefined,
    carried: false,
    edited: false,
    savedNote: `Saved ${formatBytes(a.bytes.length)} at ${a.at}.`,
  };
  const { after } = a;
  if (after.kind === 'grid') next = { ...next, hexWork: undefined, baseText: undefined };
  else if (after.kind === 'reshow') next = { ...next, doc: { ...after.shown, generation: s.doc.generation + 1 } };
  else if (after.big)
    next = { ...next, baseText: after.big.baseText, baseStyle: after.big.baseStyle ?? next.baseStyle };
  return next;
}

export function byteEditorReducer(s: ByteEditState, a: ByteEditAction): ByteEditState {
  switch (a.type) {
    case 'edited':
      return s.edited === a.edited ? s : { ...s, edited: a.edited };
    case 'hexOverwritten': {
      // Copied once, at the first edit; later edits change the copy in place (a big value is
      // not copied per keystroke). Writing the same bytes again is harmless.
      const work = s.hexWork ?? s.base.bytes.slice();
      work.set(a.bytes, a.offset);
      return { ...s, hexWork: work.subarray(0), edited: true };
    }
    case 'styleChosen':
      return { ...s, style: a.style };
    case 'wrapChosen':
      return { ...s, wrap: a.wrap };
    case 'inputError':
      return s.inputError === a.error ? s : { ...s, inputError: a.error };
    case 'viewPreparing':
      return { ...s, preparing: true, inputError: undefined };
    case 'baseTextPrepared':
      return { ...s, baseText: a.text };
    case 'viewShown': {
      const toGrid = s.hexGridAvailable && a.view === 'hex';
      return {
        ...s,
        view: a.view,
        hexWork: toGrid && a.changed ? a.bytes : undefined,
        doc: { ...a.shown, generation: s.doc.generation + 1 },
        carried: a.changed,
        edited: false,
      };
    }
    case 'viewPrepared':
      return { ...s, preparing: false };
    case 'saveChecking':
      return { ...s, busy: true };
    case 'saveChecked':
      if (a.edit === 'unchanged')
        return { ...s, busy: false, carried: false, savedNote: 'Nothing to save: the value is unchanged.' };
      return { ...s, busy: false };
    case 'writing':
      return { ...s, busy: true, savedNote: undefined };
    case 'saved':
      return saved(s, a);
    case 'notSaved':
      return 'conflict' in a.outcome
        ? { ...s, busy: false, conflict: a.outcome.conflict }
        : { ...s, busy: false, failure: a.outcome.failure };
    case 'failureDismissed':
      return { ...s, failure: undefined };
    case 'keepEditing': {
      const current = s.conflict?.current;
      const next = { ...s, conflict: undefined };
      return current?.version ? rebased(next, current.bytes, current.version) : next;
    }
  }
}
