import { useCallback, useEffect, useMemo, useRef, useState, type ComponentProps, type KeyboardEvent } from 'react';
import type { ApiError } from '../../../shared/api/errors';
import type { KeyBytes } from '../../../shared/api/keys';
import type { ValueHeader, WriteResult } from '../../../shared/api/values';
import type { SavedValue } from './byteEditorState';
import { EditorDb } from './editorDb';
import type { KeyCommand } from '../keys/keyCommands';
import { displayKey, keyId } from '../ui/keyText';
import { useKeys } from '../keys/keysStore';
import { recount } from '../sessions/keyCounts';
import { errorText } from './apiErrors';
import { CollectionValue } from './CollectionValue';
import { HashValue } from './HashValue';
import { StringValue } from './StringValue';
import type { BodyEvents } from './valueBody';
import { ValueHeaderBar } from './ValueHeaderBar';
import { valueCall } from './valueCalls';

type State =
  | { state: 'loading' }
  /** `last`: what was shown before it went, kept so an unsaved edit is not lost with the key. */
  | { state: 'gone'; last?: ValueHeader }
  | { state: 'error'; error: ApiError }
  | { state: 'ready'; header: ValueHeader; readAt: number };

const COLLECTIONS = new Set(['list', 'set', 'zset', 'stream']);
const gone = (now: State): State => ({
  state: 'gone',
  last: now.state === 'ready' ? now.header : now.state === 'gone' ? now.last : undefined,
});
const HEADER_POLL_MS = 5_000;

/** The header after a save, from the save's own answer (see WriteResult). */
export const headerAfterWrite = (header: ValueHeader, result: WriteResult): ValueHeader => ({
  ...header,
  size: result.keySize,
  ttlMs: result.ttlMs,
  encoding: result.encoding,
});

/**
 * The opened key: its header and the editor (or viewer) for its type, with explicit states —
 * loading, gone (deleted or expired while open), replaced by another type, read-only, errors
 * with the server's message. F5 or Ctrl+R inside it reloads the key (not the page, not the tree).
 */
export function ValueEditor({
  sessionId,
  db,
  keyBytes,
  readOnly,
  run,
}: {
  sessionId: string;
  /** The db the key was opened from: every call names it (see EditorDb). */
  db: number;
  keyBytes: KeyBytes;
  readOnly: boolean;
  run(command: KeyCommand): void;
}) {
  const [state, setState] = useState<State>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  const [typeChanged, setTypeChanged] = useState<string>();
  /** The type the body was opened as: a header read later may find another (the key was replaced). */
  const [bodyType, setBodyType] = useState<string>();
  /** Why the header shown could not be refreshed (the editor stays usable meanwhile). */
  const [stale, setStale] = useState<ApiError>();
  const shownState = useRef(state);
  shownState.current = state;
  // The tree's TYPE/TTL of this key: when a dialog changes them (Set TTL, Persist), re-read ours.
  const meta = useKeys((st) => st.bySession[sessionId]?.meta[keyId(keyBytes)]);

  // Header reads are numbered when sent; a save's answer takes a number too, so a read sent
  // before the save (answered after it, e.g. on another connection) never shows the old size.
  const asked = useRef({ sent: 0, saved: 0 });
  const readHeader = useCallback(async () => {
    const mine = ++asked.current.sent;
    const result = await valueCall('values.header', { sessionId, db, key: keyBytes });
    if (mine < asked.current.saved) return;
    if (result.ok) {
      setBodyType((type) => type ?? result.value.type);
      setStale(undefined);
      return setState({ state: 'ready', header: result.value, readAt: Date.now() });
    }
    if (result.error.code === 'NOT_FOUND') return setState(gone);
    // An open editor stays (with any unsaved edit) when a refresh fails, e.g. while reconnecting.
    setState((now) => (now.state === 'ready' ? now : { state: 'error', error: result.error }));
    setStale(result.error);
  }, [sessionId, db, keyBytes]);

  useEffect(() => {
    void readHeader();
  }, [readHeader, meta?.ttlMs, meta?.type]);
  useEffect(() => {
    // Others change keys too: re-read the header (O(1) commands) so a key deleted, replaced or
    // given another TTL elsewhere is noticed while it is open, not at the next save.
    const timer = setInterval(() => void readHeader(), HEADER_POLL_MS);
    return () => clearInterval(timer);
  }, [readHeader]);

  const reload = useCallback(() => {
    setTypeChanged(undefined);
    setBodyType(undefined);
    setState({ state: 'loading' });
    setGeneration((g) => g + 1);
    void readHeader();
  }, [readHeader]);

  const events: BodyEvents = useMemo(
    () => ({
      onGone: () => {
        setState(gone);
        recount(sessionId); // emptied by a write here (a hash's last field), or deleted elsewhere
      },
      onWrongType: (error) => setTypeChanged(error.details?.type ?? 'another type'),
      onChanged: (result?: SavedValue) => {
        recount(sessionId); // a save may have written the key anew ("save as new")
        const shown = shownState.current;
        const base = shown.state === 'ready' ? shown.header : shown.state === 'gone' ? shown.last : undefined;
        if (result?.keySize === undefined || !base) return void readHeader();
        // The save answered the key as it left it (same atomic step): no second read needed.
        asked.current.saved = ++asked.current.sent;
        setState({
          state: 'ready',
          header: headerAfterWrite(base, { ...result, keySize: result.keySize }),
          readAt: Date.now(),
        });
      },
    }),
    [readHeader, sessionId],
  );

  const onKeyDown = (e: KeyboardEvent) => {
    const refresh = e.key === 'F5' || ((e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === 'r');
    if (!refresh || (e.target instanceof Element && e.target.closest('dialog'))) return;
    e.preventDefault();
    e.stopPropagation(); // the key browser would rescan the whole tree
    reload();
  };

  const name = displayKey(keyBytes);
  const replacedBy =
    typeChanged ??
    (state.state === 'ready' && bodyType && state.header.type !== bodyType ? state.header.type : undefined);
  const shown = state.state === 'ready' ? state.header : state.state === 'gone' ? state.last : undefined;
  return (
    <EditorDb.Provider value={db}>
      <section className="value-editor" aria-label="Key" onKeyDown={onKeyDown}>
        {state.state === 'ready' ? (
          <ValueHeaderBar
            sessionId={sessionId}
            header={state.header}
            readAt={state.readAt}
            readOnly={readOnly}
            run={run}
            onReload={reload}
            onExpired={() => void readHeader()}
          />
        ) : (
          <h2 className="key-title">{name}</h2>
        )}
        {state.state === 'loading' && (
          <p className="hint value-loading" role="status">
            Loading…
          </p>
        )}
        {state.state === 'gone' && (
          <div className="banner banner-warning" role="alert">
            This key no longer exists: it was deleted or expired.
            {shown && !readOnly ? ' What was loaded stays below; saving an edit offers to write it as new.' : ''}
            <div className="banner-actions">
              <button type="button" onClick={reload}>
                Check again
              </button>
            </div>
          </div>
        )}
        {state.state === 'gone' && !shown && (
          <p className="hint">Open another key in the tree, or create this one again with New key (Ctrl+N).</p>
        )}
        {state.state === 'error' && (
          <div className="banner banner-error" role="alert">
            {errorText(state.error)}
            <div className="banner-actions">
              <button type="button" onClick={reload}>
                Retry
              </button>
            </div>
          </div>
        )}
        {stale && state.state === 'ready' && (
          <p className="warning" role="status">
            Could not refresh this key: {errorText(stale)}
          </p>
        )}
        {readOnly && shown && <p className="hint read-only-note">Read-only session: values are shown, not editable.</p>}
        {replacedBy && (
          <div className="banner banner-warning" role="alert">
            This key is now a {replacedBy}: it was replaced while open.
            <div className="banner-actions">
              <button type="button" onClick={reload}>
                Reload as {replacedBy}
              </button>
            </div>
          </div>
        )}
        {shown && (
          <ValueBody
            key={generation}
            sessionId={sessionId}
            keyBytes={keyBytes}
            header={{ ...shown, type: bodyType ?? shown.type }}
            readOnly={readOnly}
            events={events}
          />
        )}
      </section>
    </EditorDb.Provider>
  );
}

/** The body for the value's type; it takes what the hash body takes, the widest of them. */
function ValueBody(props: ComponentProps<typeof HashValue>) {
  const { sessionId, keyBytes, header, readOnly, events } = props;
  if (header.type === 'string')
    return <StringValue sessionId={sessionId} keyBytes={keyBytes} readOnly={readOnly} events={events} />;
  if (header.type === 'hash') return <HashValue {...props} />;
  if (COLLECTIONS.has(header.type))
    return <CollectionValue sessionId={sessionId} keyBytes={keyBytes} header={header} events={events} />;
  return (
    <p className="hint">
      Redlens cannot show values of type “{header.type}” (a module type). The header above is all it knows.
    </p>
  );
}
