import { useCallback, useEffect, useState } from 'react';
import type { ApiError } from '../../../shared/api/errors';
import type { KeyBytes } from '../../../shared/api/keys';
import type { SavedValue } from './byteEditorState';
import { useWritePause } from '../sessions/sessionsStore';
import { LoadFailed } from './LoadFailed';
import { ByteEditor } from './ByteEditor';
import { loadInChunks, stringSource } from './chunkedLoad';
import { commitString, saveInChunks } from './chunkedSave';
import { loadedFrom, type LoadedValue, type SaveCall } from './loadedValue';
import { useWholeLoad, type WholeLoader } from './useWholeLoad';
import type { BodyEvents } from './valueBody';
import { toValueBytes } from './valueBytes';
import { isBig } from './valueViews';
import { useEditorDb } from './editorDb';
import { valueCall } from './valueCalls';

type Load = { state: 'loading' } | { state: 'error'; error: ApiError } | { state: 'ready'; value: LoadedValue };

/**
 * A string value: whole up to 1 MB, else its first 1 MB (partial, read-only) until the user
 * asks for the whole of it. Saves keep the TTL (SET … KEEPTTL). Big values load and save in
 * chunks: no message so big that parsing or building it would hold the window.
 */
export function StringValue({
  sessionId,
  keyBytes,
  readOnly,
  events,
}: {
  sessionId: string;
  keyBytes: KeyBytes;
  readOnly: boolean;
  events: BodyEvents;
}) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  const paused = useWritePause(sessionId);
  const db = useEditorDb();
  const place = { sessionId, db, key: keyBytes };
  const { onGone, onWrongType } = events;

  const failed = useCallback(
    (error: ApiError) => {
      if (error.code === 'NOT_FOUND') onGone();
      if (error.code === 'WRONGTYPE') onWrongType(error);
    },
    [onGone, onWrongType],
  );
  useEffect(() => {
    void valueCall('values.string.get', { sessionId, db, key: keyBytes }).then((result) => {
      if (result.ok) return setLoad({ state: 'ready', value: loadedFrom(result.value) });
      setLoad({ state: 'error', error: result.error });
      failed(result.error);
    });
  }, [sessionId, db, keyBytes, failed, generation]);

  const size = load.state === 'ready' ? load.value.size : 0;
  const loadWhole: WholeLoader = useCallback(
    (signal, onProgress) => loadInChunks(stringSource({ sessionId, db, key: keyBytes }), { size, signal, onProgress }),
    [sessionId, db, keyBytes, size],
  );
  const whole = useWholeLoad(
    loadWhole,
    useCallback((value: LoadedValue) => setLoad({ state: 'ready', value }), []),
    failed,
  );

  const save: SaveCall = (bytes, expect) => {
    const target = { sessionId, db, key: keyBytes };
    if (isBig(bytes)) return saveInChunks(target, bytes, expect, commitString(target));
    return valueCall('values.string.set', { ...target, value: toValueBytes(bytes), expect, ttl: 'keep' });
  };

  if (load.state === 'loading') return <p className="hint value-loading">Loading the value…</p>;
  if (load.state === 'error') {
    return <LoadFailed error={load.error} what="the value" onRetry={() => setGeneration((g) => g + 1)} />;
  }
  return (
    <ByteEditor
      key={`${generation}:${load.value.partial}`}
      place={place}
      loaded={load.value}
      readOnly={readOnly}
      paused={paused}
      label="Value"
      save={save}
      onSaved={(r: SavedValue) => events.onChanged(r)}
      whole={whole}
      onReload={() => {
        setLoad({ state: 'loading' });
        setGeneration((g) => g + 1);
      }}
      canRecreate
    />
  );
}
