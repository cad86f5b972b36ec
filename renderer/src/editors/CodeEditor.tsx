import { Compartment, EditorState, type Text } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { useEffect, useRef, type RefObject } from 'react';
import { editorExtensions } from './editorSetup';
import type { ViewKind } from './valueViews';

/** What the owner of an editor asks it: the text only when needed (it can be 50 MB). */
export interface CodeEditorHandle {
  text(): string;
  /** The document itself (no copy: a big value's text is never joined into one string). */
  doc(): Text;
  focus(): void;
  /** The text now in the editor is the new "unchanged" (after a save). */
  markClean(): void;
}

interface CodeEditorProps {
  /**
   * The document when the editor is created (a big value's comes prepared as a Text); give the
   * component a new `key` to start over.
   */
  initial: string | Text;
  view: ViewKind;
  readOnly: boolean;
  /** The accessible name of the editing area. */
  label: string;
  /**
   * Soft-wrap long lines. Off for big values: CodeMirror then draws only the visible part of a
   * long line, where a wrapped 50 MB line would be laid out whole.
   */
  wrap: boolean;
  /** Whether the text now differs from `initial`. */
  onDirty?(dirty: boolean): void;
  /** Set to this editor's handle; it keeps working after the editor is gone (to save a draft). */
  handleRef?: RefObject<CodeEditorHandle | null>;
  className?: string;
}

/** Above this size, "changed since load" is not re-checked by content after every keystroke. */
const EXACT_DIRTY_LIMIT = 4 * 1024 * 1024;

/**
 * CodeMirror 6 in a shadow root: there its styles go to a constructed stylesheet, which our CSP
 * allows (on the document CodeMirror would add a <style> element, which `style-src 'self'`
 * blocks). CodeMirror draws only the lines on screen, so big values stay smooth.
 */
export function CodeEditor({ initial, view, readOnly, label, wrap, onDirty, handleRef, className }: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<EditorView>(null);
  const baseline = useRef<{ start?: Text; dirty: boolean }>({ dirty: false });
  const wrapping = useRef(new Compartment());
  const wrapNow = useRef(wrap);
  const dirtyCallback = useRef(onDirty);
  useEffect(() => {
    dirtyCallback.current = onDirty;
  }, [onDirty]);
  useEffect(() => {
    wrapNow.current = wrap;
    editor.current?.dispatch({ effects: wrapping.current.reconfigure(wrap ? EditorView.lineWrapping : []) });
  }, [wrap]);

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
    baseline.current = { dirty: false };
    const created = new EditorView({
      root,
      parent: root,
      state: EditorState.create({
        doc: initial,
        extensions: [
          editorExtensions({ view, readOnly, label }),
          wrapping.current.of(wrapNow.current ? EditorView.lineWrapping : []),
          EditorView.updateListener.of((update) => {
            if (!update.docChanged) return;
            const b = baseline.current;
            b.start ??= update.startState.doc;
            const now = update.state.doc.length > EXACT_DIRTY_LIMIT || !update.state.doc.eq(b.start);
            if (now !== b.dirty) {
              b.dirty = now;
              dirtyCallback.current?.(now);
            }
          }),
        ],
      }),
    });
    editor.current = created;
    if (handleRef) {
      handleRef.current = {
        // A destroyed view still holds its last state: an unsaved edit can be read after unmount.
        text: () => created.state.doc.toString(),
        doc: () => created.state.doc,
        focus: () => created.focus(),
        markClean: () => {
          baseline.current = { start: created.state.doc, dirty: false };
          dirtyCallback.current?.(false);
        },
      };
    }
    return () => {
      created.destroy();
      editor.current = null;
    };
  }, [initial, view, readOnly, label, handleRef]);

  return <div ref={host} className={`code-editor ${className ?? ''}`} />;
}
