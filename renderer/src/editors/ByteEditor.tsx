import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ApiError } from '../../../shared/api/errors';
import type { Expect, WriteResult } from '../../../shared/api/values';
import { CodeEditor, type CodeEditorHandle } from './CodeEditor';
import { ConflictPanel } from './ConflictPanel';
import { draftId, dropDraft, getDraft, type EditPlace } from './drafts';
import { EditorNotes } from './EditorNotes';
import { bigViewStart, editorStart, type DocStart } from './editorStart';
import { EditorToolbar } from './EditorToolbar';
import { HexGrid } from './HexGrid';
import { conflictCurrent, type LoadedValue, type SaveCall } from './loadedValue';
import { PartialBanner } from './PartialBanner';
import { SaveFailure } from './SaveFailure';
import { bytesOfDoc } from './textDoc';
import { nextTask } from './timeSlices';
import { useKeptDraft } from './useKeptDraft';
import type { useWholeLoad } from './useWholeLoad';
import { formatBytes, sameBytes, sameBytesInSlices, utf8Text } from './valueBytes';
import { jsonStyleOf, readBack, showAs, viewUnavailable, type ViewKind } from './valueViews';

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
  onSaved(result: WriteResult): void;
  /** Loading a partial value whole (offered with its size). */
  whole?: ReturnType<typeof useWholeLoad>;
  /** Throws the edit away and loads what the server holds. */
  onReload(): void;
  /** Whether a gone value can be written again as new (`expect: 'absent'`). */
  canRecreate?: boolean;
}

type Doc = DocStart & { generation: number };

/** Values up to this size open with long lines wrapped (bigger ones stay fast unwrapped). */
const WRAP_LIMIT = 256 * 1024;
type Conflict = { mine: Uint8Array; current: LoadedValue };

/**
 * Shows and edits one value's bytes in the Text, JSON or Hex view, and saves exactly the bytes
 * the view stands for, checked against the version it was loaded at. A failed save keeps the
 * edit (with the reason and a Retry); a conflicting change shows both versions. A big value
 * (loaded.text set) is never turned into one string or hex text: its text view starts from a
 * prepared document, its hex view draws rows from the bytes, and reading edits back runs in
 * time slices.
 */
export function ByteEditor(props: ByteEditorProps) {
  const { loaded, readOnly, place } = props;
  const draftKey = draftId(place);
  const [restored] = useState(() => (readOnly || loaded.partial ? undefined : getDraft(draftKey)));
  const [start] = useState(() => editorStart(loaded, restored));
  const { big } = start;
  const [base, setBase] = useState(start.base);
  const [view, setView] = useState(start.view);
  const [bigBaseStyle, setBigBaseStyle] = useState(start.baseStyle);
  const [style, setStyle] = useState(start.style);
  const [baseText, setBaseText] = useState(start.baseText);
  const [hexWork, setHexWork] = useState(start.hexWork);
  const [doc, setDoc] = useState<Doc>({ ...start.doc, generation: 0 });
  /** The editor's starting text differs from the base (a restored draft, or an edit carried across views). */
  const [carried, setCarried] = useState(!!restored);
  const [edited, setEdited] = useState(false);
  const [inputError, setInputError] = useState<string>();
  const [failure, setFailure] = useState<ApiError>();
  const [conflict, setConflict] = useState<Conflict>();
  const [busy, setBusy] = useState(false);
  const [preparing, setPreparing] = useState(false);
  const [savedNote, setSavedNote] = useState<string>();
  const [wrap, setWrap] = useState(() => loaded.bytes.length <= WRAP_LIMIT);
  const editor = useRef<CodeEditorHandle>(null);

  const baseStyle = useMemo(() => (big ? bigBaseStyle : jsonStyleOf(base.bytes)), [big, bigBaseStyle, base.bytes]);
  const dirty = edited || carried || (view === 'json' && style !== baseStyle);
  const editable = !readOnly && !loaded.partial;
  const isUtf8 = useMemo(
    () => (big ? (baseText === undefined ? undefined : baseText !== null) : utf8Text(base.bytes) !== null),
    [big, baseText, base.bytes],
  );
  const hexGrid = start.hexGrid && view === 'hex';

  const keep = useKeptDraft(place, editable, { dirty, view, style, escaped: doc.escaped, base, hexWork }, editor);

  /** The bytes the editor stands for now, or undefined after saying why it stands for none. */
  const currentBytes = async (): Promise<Uint8Array | undefined> => {
    if (!dirty) return base.bytes;
    if (hexGrid) return hexWork ?? base.bytes;
    if (big && view === 'text' && editor.current) return bytesOfDoc(editor.current.doc());
    const back = readBack(editor.current?.text() ?? doc.text.toString(), view, { escaped: doc.escaped, style });
    if ('error' in back) return void setInputError(back.error);
    setInputError(undefined);
    return back.bytes;
  };

  /** What a big value's view starts from; undefined after saying why there is none. */
  const bigDoc = async (bytes: Uint8Array, next: 'text' | 'json', changed: boolean) => {
    const { start: shown, text } = await bigViewStart(bytes, next, changed ? undefined : baseText);
    if (!changed) setBaseText(text);
    if (!shown) setInputError(viewUnavailable('text', bytes, false));
    return shown;
  };

  const switchView = async (next: ViewKind) => {
    if (next === view || preparing) return;
    setPreparing(true);
    setInputError(undefined);
    await nextTask(); // "Preparing the view…" is on screen before the work starts
    try {
      const bytes = await currentBytes();
      if (!bytes) return;
      const changed = big ? dirty : !sameBytes(bytes, base.bytes);
      const toGrid = start.hexGrid && next === 'hex';
      const shown = toGrid
        ? { text: '', escaped: false }
        : next !== 'hex' && big
          ? await bigDoc(bytes, next, changed)
          : showAs(bytes, next);
      if (!shown) return;
      if (toGrid) editor.current = null; // no text editor behind the hex grid
      setView(next);
      setHexWork(toGrid && changed ? bytes : undefined);
      setDoc((d) => ({ ...shown, generation: d.generation + 1 }));
      setCarried(changed);
      setEdited(false);
    } finally {
      setPreparing(false);
    }
  };

  /** After a save from the hex grid or of a big value: what is on screen is the new base, as it is. */
  const savedAsShown = () => {
    if (hexGrid) {
      setHexWork(undefined);
      setBaseText(undefined);
      return;
    }
    editor.current?.markClean();
    setBaseText(view === 'text' ? editor.current?.doc() : undefined);
    if (view === 'json') setBigBaseStyle(style);
  };

  const write = async (bytes: Uint8Array, expect: Expect) => {
    setBusy(true);
    setSavedNote(undefined);
    let result = await props.save(bytes, expect);
    setBusy(false);
    if (!result.ok) {
      const current = result.error.code === 'CONFLICT' ? conflictCurrent(result.error.details) : undefined;
      // A retry after a lost connection finds its own first attempt applied: that is a success.
      if (current?.version && sameBytes(current.bytes, bytes))
        result = { ok: true, value: { version: current.version, size: current.size, ttlMs: -1 } };
      else {
        if (current) setConflict({ mine: bytes, current });
        else setFailure(result.error);
        return;
      }
    }
    setFailure(undefined);
    setConflict(undefined);
    dropDraft(draftKey);
    setBase({ bytes, version: result.value.version });
    if (big || hexGrid) savedAsShown();
    else {
      const shown = showAs(bytes, view);
      if ((editor.current?.text() ?? '') === shown.text) editor.current?.markClean();
      else setDoc((d) => ({ ...shown, generation: d.generation + 1 }));
    }
    setCarried(false);
    setEdited(false);
    setSavedNote(`Saved ${formatBytes(bytes.length)} at ${new Date().toLocaleTimeString()}.`);
    props.onSaved(result.value);
  };

  const save = async () => {
    if (!editable || busy || preparing || !base.version || props.paused) return;
    setBusy(true);
    const bytes = await currentBytes();
    const same = bytes && (big ? await sameBytesInSlices(bytes, base.bytes) : sameBytes(bytes, base.bytes));
    setBusy(false);
    if (!bytes) return;
    if (same) {
      setCarried(false);
      return setSavedNote('Nothing to save: the value is unchanged.');
    }
    await write(bytes, { version: base.version });
  };

  const recreate = async () => {
    const bytes = await currentBytes();
    if (bytes) await write(bytes, 'absent');
  };

  const discard = () => {
    keep.current.dirty = false; // the reload unmounts this editor: nothing to keep
    dropDraft(draftKey);
    props.onReload();
  };

  const overwrite = (offset: number, bytes: Uint8Array) => {
    // Copied once, at the first edit; later edits change the copy in place.
    const work = hexWork ?? base.bytes.slice();
    work.set(bytes, offset);
    setHexWork(work.subarray(0));
    setEdited(true);
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
        onStyle={setStyle}
        escaped={doc.escaped}
        wrap={hexGrid ? undefined : wrap}
        onWrap={setWrap}
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
        restored={restored && carried ? { changedSince: restored.base.version !== loaded.version } : undefined}
        offerJson={big && view === 'text' && /^\s*[[{]/.test(baseText?.sliceString(0, 200) ?? '')}
        jsonNote={view === 'json' ? doc.note : undefined}
        inputError={inputError}
      />
      {failure && (
        <SaveFailure
          error={failure}
          busy={busy}
          onRetry={() => void save()}
          onRecreate={props.canRecreate ? () => void recreate() : undefined}
          onReload={discard}
          onCopy={copyEdit}
          onDismiss={() => setFailure(undefined)}
        />
      )}
      {savedNote && !dirty && (
        <p className="hint saved-note" role="status">
          {savedNote}
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
          onKeepEditing={() => {
            const { current } = conflict;
            setConflict(undefined);
            if (current.version) setBase({ bytes: current.bytes, version: current.version });
          }}
        />
      )}
      {hexGrid ? (
        !conflict && (
          <HexGrid bytes={hexWork ?? base.bytes} label={props.label} readOnly={!editable} onOverwrite={overwrite} />
        )
      ) : (
        <div className="editor-frame" hidden={!!conflict}>
          <CodeEditor
            key={doc.generation}
            initial={doc.text}
            view={view}
            readOnly={!editable}
            label={props.label}
            wrap={wrap && view !== 'hex'}
            onDirty={setEdited}
            handleRef={editor}
          />
        </div>
      )}
    </div>
  );
}
