import type { Text } from '@codemirror/state';
import type { KeyBytes } from '../../../shared/api/keys';
import { displayKey, keyId } from '../ui/keyText';
import type { JsonStyle, ViewKind } from './valueViews';

/** What an edit is of: a key's value, or one field of a hash, in one session's database. */
export interface EditPlace {
  sessionId: string;
  db: number;
  key: KeyBytes;
  field?: KeyBytes;
}

/** An unsaved edit, kept when its editor goes away (another key opened, a reload, a tab switch). */
export interface Draft {
  /** The edited text (the editor's document itself for a big value: nothing is copied). */
  text: string | Text;
  /** The edited bytes of a big value's hex view (rows overwritten in place), instead of text. */
  hexBytes?: Uint8Array;
  view: ViewKind;
  style: JsonStyle;
  escaped: boolean;
  /** What the edit started from: saving it is checked against this version (CONFLICT if it moved). */
  base: { bytes: Uint8Array; version: string };
}

/*
 * Module state on purpose: drafts are few, never rendered from, and must outlive the editor
 * components (opening another key unmounts the editor; coming back restores the edit). Editors
 * open now with an unsaved edit are listed too, so closing a tab or the window can name them all.
 */
const drafts = new Map<string, { place: EditPlace; draft: Draft }>();
const open = new Map<string, { place: EditPlace; discard(): void }>();

/** The edit's identity: the db is part of it (a key of the same name in another db is another key). */
export const draftId = ({ sessionId, db, key, field }: EditPlace): string =>
  [sessionId, String(db), keyId(key), ...(field === undefined ? [] : [keyId(field)])].join('\u0000');
export const getDraft = (id: string): Draft | undefined => drafts.get(id)?.draft;
export const putDraft = (place: EditPlace, draft: Draft): void => void drafts.set(draftId(place), { place, draft });
export const dropDraft = (id: string): void => void drafts.delete(id);

/** An editor shows an unsaved edit of `place` (until `closeOpenEdit`); `discard` makes it let go. */
export const openEdit = (place: EditPlace, discard: () => void): void =>
  void open.set(draftId(place), { place, discard });
export const closeOpenEdit = (place: EditPlace): void => void open.delete(draftId(place));

const within = (place: EditPlace, sessionId: string, db: number | undefined) =>
  place.sessionId === sessionId && (db === undefined || place.db === db);

/** The unsaved edits of a session (of one of its databases), kept or open, in the order shown. */
export function unsavedEdits(sessionId: string, db?: number): EditPlace[] {
  const places = new Map<string, EditPlace>();
  for (const [id, { place }] of [...drafts, ...open]) if (within(place, sessionId, db)) places.set(id, place);
  return [...places.values()].sort((a, b) => editName(a).localeCompare(editName(b)) || a.db - b.db);
}

/** Throws the session's unsaved edits away (of one database): kept drafts, and open editors' edits. */
export function discardEdits(sessionId: string, db?: number): void {
  for (const [id, { place }] of drafts) if (within(place, sessionId, db)) drafts.delete(id);
  for (const [id, edit] of open) {
    if (!within(edit.place, sessionId, db)) continue;
    open.delete(id);
    edit.discard();
  }
}

/** Every session's unsaved edits (closing the window). */
export const allUnsavedEdits = (): EditPlace[] =>
  [...new Set([...drafts.values(), ...open.values()].map((e) => e.place.sessionId))].flatMap((id) => unsavedEdits(id));

/** "user:1" or "user:1 — field “bio”": names escaped as everywhere else (see keyText). */
export const editName = ({ key, field }: EditPlace): string =>
  field === undefined ? displayKey(key) : `${displayKey(key)} — field “${displayKey(field)}”`;
