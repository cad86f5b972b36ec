import { useEffect, useRef, type RefObject } from 'react';
import type { CodeEditorHandle } from './CodeEditor';
import { putDraft } from './drafts';
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
 * is kept as a draft that the next editor of the same value restores. Answers the ref to the
 * state kept; set its `dirty` to false before a deliberate reload (nothing to keep then).
 */
export function useKeptDraft(
  draftKey: string,
  editable: boolean,
  now: EditState,
  editor: RefObject<CodeEditorHandle | null>,
) {
  const keep = useRef(now);
  useEffect(() => {
    keep.current = now;
  });
  useEffect(
    () => () => {
      const { dirty, base, hexWork, ...kept } = keep.current;
      if (!dirty || !editable || !base.version) return;
      const from = { bytes: base.bytes, version: base.version };
      if (hexWork) return putDraft(draftKey, { ...kept, text: '', hexBytes: hexWork, base: from });
      // The document itself: a big value's text is not copied into one string.
      const text = editor.current?.doc();
      if (text !== undefined) putDraft(draftKey, { ...kept, text, base: from });
    },
    [draftKey, editable, editor],
  );
  return keep;
}
