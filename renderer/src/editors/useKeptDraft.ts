import { useEffect, useRef, type RefObject } from 'react';
import type { CodeEditorHandle } from './CodeEditor';
import { closeOpenEdit, openEdit, putDraft, type EditPlace } from './drafts';
import type { JsonStyle, ViewKind } from './valueViews';

/** What an editor's unsaved edit is made of, as of its last render. */
export interface EditState {
  dirty: boolean;
  view: ViewKind;
  style: JsonStyle;
  escaped: boolean;
  base: { bytes: Uint8Array; version: string | null };
  /** A big value's bytes with rows overwritten in the hex view. */
  hexWork: Uint8Array | undefined;
}

/**
 * An unsaved edit outlives the editor: when it unmounts (another key opened, a reload), the edit
 * is kept as a draft that the next editor of the same value restores. While the editor shows an
 * unsaved edit, it is listed as open (see drafts.ts), so closing the tab or the window asks
 * first. Answers `discard()`, to call before a deliberate reload: nothing is kept then.
 */
export function useKeptDraft(
  place: EditPlace,
  editable: boolean,
  now: EditState,
  editor: RefObject<CodeEditorHandle | null>,
) {
  const keep = useRef(now);
  /** The user chose to discard this edit (closing its tab, switching its db): nothing is kept. */
  const discarded = useRef(false);
  useEffect(() => {
    keep.current = now;
  });
  const { sessionId, db, key, field } = place;
  const unsaved = now.dirty && editable;
  useEffect(() => {
    const at = { sessionId, db, key, field };
    if (!unsaved) return;
    openEdit(at, () => void (discarded.current = true));
    return () => closeOpenEdit(at);
  }, [unsaved, sessionId, db, key, field]);
  useEffect(
    () => () => {
      const { dirty, base, hexWork, ...kept } = keep.current;
      if (!dirty || !editable || !base.version || discarded.current) return;
      const at = { sessionId, db, key, field };
      const from = { bytes: base.bytes, version: base.version };
      if (hexWork) return putDraft(at, { ...kept, text: '', hexBytes: hexWork, base: from });
      // The document itself: a big value's text is not copied into one string.
      const text = editor.current?.doc();
      if (text !== undefined) putDraft(at, { ...kept, text, base: from });
    },
    [sessionId, db, key, field, editable, editor],
  );
  // A flag, not `keep.current.dirty = false`: on a busy machine the last render's effect may
  // run after the click (React flushes it before the reload renders) and put `dirty` back, and
  // the edit the user just discarded came back as a draft over the server's value.
  return { discard: () => void (discarded.current = true) };
}
