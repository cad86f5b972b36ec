import type { Text } from '@codemirror/state';
import type { JsonStyle, ViewKind } from './valueViews';

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
 * components (opening another key unmounts the editor; coming back restores the edit).
 */
const drafts = new Map<string, Draft>();

export const draftId = (sessionId: string, ...parts: string[]): string => [sessionId, ...parts].join('\u0000');
export const getDraft = (id: string): Draft | undefined => drafts.get(id);
export const putDraft = (id: string, draft: Draft): void => void drafts.set(id, draft);
export const dropDraft = (id: string): void => void drafts.delete(id);
