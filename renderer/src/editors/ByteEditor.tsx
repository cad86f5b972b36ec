import { useMemo, useReducer, useRef, type KeyboardEvent } from 'react';
import type { Expect } from '../../../shared/api/values';
import {
  afterSave,
  byteEditorReducer,
  initialByteEditState,
  isDirty,
  showsHexGrid,
  writeOutcome,
  type SavedValue,
} from './byteEditorState';
import { CodeEditor, type CodeEditorHandle } from './CodeEditor';
import { ConflictPanel } from './ConflictPanel';
import { draftId, dropDraft, getDraft, type EditPlace } from './drafts';
import { EditorNotes } from './EditorNotes';
import { bigViewStart } from './editorStart';
import { EditorToolbar } from './EditorToolbar';
import { HexGrid } from './HexGrid';
import type { LoadedValue, SaveCall } from './loadedValue';
import { PartialBanner } from './PartialBanner';
import { SaveFailure } from './SaveFailure';
import { bytesOfDoc } from './textDoc';
import { nextTask } from './timeSlices';
import { useKeptDraft } from './useKeptDraft';
import type { useWholeLoad } from './useWholeLoad';
import { sameBytes, sameBytesInSlices, utf8Text } from './valueBytes';
import { readBack, showAs, viewUnavailable, type ViewKind } from './valueViews';

interface ByteEditorProps {
  /** What is edited: an unsaved edit is kept by it when the editor goes away (see drafts.ts). */
  place: EditPlace;
  loaded: LoadedValue;
  readOnly: boolean;
  /** Why writes are paused right now (e.g. no master during a failover): saving waits. */
  paused?: string;
  /** The accessible name of the editing area ("Value", "Value of field x"). */
  label: string;
  save: SaveCall;
  onSaved(result: SavedValue): void;
  /** Loading a partial value whole (offered with its size). */
  whole?: ReturnType<typeof useWholeLoad>;
  /** Throws the edit away and loads what the server holds. */
  onReload(): void;
  /** Whether a gone value can be written again as new (`expect: 'absent'`). */
  canRecreate?: boolean;
}

/**
 * Shows and edits one value's bytes in the Text, JSON or Hex view, and saves exactly the bytes
 * the view stands for, checked against the version it was loaded at. A failed save keeps the
 * edit (with the reason and a Retry); a conflicting change shows both versions. A big value
 * (loaded.text set) is never turned into one string or hex text: its text view starts from a
 * prepared document, its hex view draws rows from the bytes, and reading edits back runs in
 * time slices. What it shows, and what a save's answer means, is byteEditorState.ts; here the
 * editor is read and the API called.
 */
export function ByteEditor(props: ByteEditorProps) {
  const { loaded, readOnly, place } = props;
  const draftKey = draftId(place);
  const [state, dispatch] = useReducer(byteEditorReducer, undefined, () =>
    initialByteEditState(loaded, readOnly, getDraft(draftKey)),
  );
  const { big, base, view, style, baseText, hexWork, doc, failure, conflict, busy, preparing } = state;
  const editor = useRef<CodeEditorHandle>(null);

  const dirty = isDirty(state);
  const editable = !readOnly && !loaded.partial;
  const isUtf8 = useMemo(
    () => (big ? (baseText === undefined ? undefined : baseText !== null) : utf8Text(base.bytes) !== null),
    [big, baseText, base.bytes],
  );
  const hexGrid = showsHexGrid(state);

  const keep = useKeptDraft(place, editable, { dirty, view, style, escaped: doc.escaped, base, hexWork }, editor);

  /** The bytes the editor stands for now, or undefined after saying why it stands for none. */
  const currentBytes = async (): Promise<Uint8Array | undefined> => {
    if (!dirty) return base.bytes;
    if (hexGrid) return hexWork ?? base.bytes;
    if (big && view === 'text' && editor.current) return bytesOfDoc(editor.current.doc());
    const back = readBack(editor.current?.text() ?? doc.text.toString(), view, { escaped: doc.escaped, style });
    dispatch({ type: 'inputError', error: 'error' in back ? back.error : undefined });
    return 'error' in back ? undefined : back.bytes;
  };

  /** What a big value's view starts from; undefined after saying why there is none. */
  const bigDoc = async (bytes: Uint8Array, next: 'text' | 'json', changed: boolean) => {
    const { start: shown, text } = await bigViewStart(bytes, next, changed ? undefined : baseText);
    if (!changed) dispatch({ type: 'baseTextPrepared', text });
    if (!shown) dispatch({ type: 'inputError', error: viewUnavailable('text', bytes, false) });
    return shown;
  };

  const switchView = async (next: ViewKind) => {
    if (next === view || preparing) return;
    dispatch({ type: 'viewPreparing' });
    await nextTask(); // "Preparing the view…" is on screen before the work starts
    try {
      const bytes = await currentBytes();
      if (!bytes) return;
      const changed = big ? dirty : !sameBytes(bytes, base.bytes);
      const toGrid = state.hexGridAvailable && next === 'hex';
      const shown = toGrid
        ? { text: '', escaped: false }
        : next !== 'hex' && big
          ? await bigDoc(bytes, next, changed)
          : showAs(bytes, next);
      if (!shown) return;
      if (toGrid) editor.current = null; // no text editor behind the hex grid
      dispatch({ type: 'viewShown', view: next, shown, bytes, changed });
    } finally {
      dispatch({ type: 'viewPrepared' });
    }
  };

  const write = async (bytes: Uint8Array, expect: Expect) => {
    dispatch({ type: 'writing' });
    const outcome = writeOutcome(bytes, await props.save(bytes, expect));
    if (!('saved' in outcome)) return dispatch({ type: 'notSaved', outcome });
    const after = afterSave(state, bytes, editor.current?.doc());
    dispatch({ type: 'saved', bytes, result: outcome.saved, at: new Date().toLocaleTimeString(), after });
    dropDraft(draftKey);
    // Marked now, before another keystroke can land: the text shown is the value saved.
    if (after.kind === 'asShown') editor.current?.markClean();
    props.onSaved(outcome.saved);
  };

  const save = async () => {
    if (!editable || busy || preparing || !base.version || props.paused) return;
    dispatch({ type: 'saveChecking' });
    const bytes = await currentBytes();
    const same = bytes && (big ? await sameBytesInSlices(bytes, base.bytes) : sameBytes(bytes, base.bytes));
    dispatch({ type: 'saveChecked', edit: !bytes ? 'unreadable' : same ? 'unchanged' : 'changed' });
    if (bytes && !same) await write(bytes, { version: base.version });
  };

  const recreate = async () => {
    const bytes = await currentBytes();
    if (bytes) await write(bytes, 'absent');
  };

  const discard = () => {
    keep.discard(); // the reload unmounts this editor: nothing to keep
    dropDraft(draftKey);
    props.onReload();
  };

  const copyEdit = () =>
    void navigator.clipboard.writeText(editor.current?.text() ?? doc.text.toString()).catch(() => undefined);

  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === 's') {
      e.preventDefault();
      void save();
    }
  };

  return (
    <div className="byte-editor" onKeyDown={onKeyDown}>
      <EditorToolbar
        view={view}
        unavailable={(kind) => (preparing ? 'Preparing the view…' : viewUnavailable(kind, base.bytes, isUtf8))}
        onView={(kind) => void switchView(kind)}
        style={style}
        onStyle={(chosen) => dispatch({ type: 'styleChosen', style: chosen })}
        escaped={doc.escaped}
        wrap={hexGrid ? undefined : state.wrap}
        onWrap={(wrap) => dispatch({ type: 'wrapChosen', wrap })}
        editable={editable}
        dirty={dirty}
        busy={busy || preparing}
        saveBlocked={!!conflict}
        paused={props.paused}
        onDiscard={discard}
        onSave={() => void save()}
      />
      {loaded.partial && <PartialBanner shownBytes={loaded.bytes.length} size={loaded.size} whole={props.whole} />}
      <EditorNotes
        paused={dirty && editable ? props.paused : undefined}
        preparing={preparing}
        restored={state.carried ? state.restored : undefined}
        offerJson={big && view === 'text' && /^\s*[[{]/.test(baseText?.sliceString(0, 200) ?? '')}
        jsonNote={view === 'json' ? doc.note : undefined}
        inputError={state.inputError}
      />
      {failure && (
        <SaveFailure
          error={failure}
          busy={busy}
          onRetry={() => void save()}
          onRecreate={props.canRecreate ? () => void recreate() : undefined}
          onReload={discard}
          onCopy={copyEdit}
          onDismiss={() => dispatch({ type: 'failureDismissed' })}
        />
      )}
      {state.savedNote && !dirty && (
        <p className="hint saved-note" role="status">
          {state.savedNote}
        </p>
      )}
      {conflict && (
        <ConflictPanel
          mine={conflict.mine}
          current={conflict.current}
          view={view}
          busy={busy}
          onOverwrite={() =>
            void write(conflict.mine, conflict.current.version ? { version: conflict.current.version } : 'exists')
          }
          onTakeTheirs={discard}
          onKeepEditing={() => dispatch({ type: 'keepEditing' })}
        />
      )}
      {hexGrid ? (
        !conflict && (
          <HexGrid
            bytes={hexWork ?? base.bytes}
            label={props.label}
            readOnly={!editable}
            onOverwrite={(offset, bytes) => dispatch({ type: 'hexOverwritten', offset, bytes })}
          />
        )
      ) : (
        <div className="editor-frame" hidden={!!conflict}>
          <CodeEditor
            key={doc.generation}
            initial={doc.text}
            view={view}
            readOnly={!editable}
            label={props.label}
            wrap={state.wrap && view !== 'hex'}
            onDirty={(edited) => dispatch({ type: 'edited', edited })}
            handleRef={editor}
          />
        </div>
      )}
    </div>
  );
}
