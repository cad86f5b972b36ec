import { useCallback, useEffect, useState } from 'react';
import type { ApiError } from '../../../shared/api/errors';
import type { KeyBytes } from '../../../shared/api/keys';
import type { WriteResult } from '../../../shared/api/values';
import { displayKey } from '../ui/keyText';
import { useWritePause } from '../sessions/sessionsStore';
import { LoadFailed } from './LoadFailed';
import { ByteEditor } from './ByteEditor';
import { fieldSource, loadInChunks } from './chunkedLoad';
import { commitField, saveInChunks } from './chunkedSave';
import { loadedFrom, type LoadedValue, type SaveCall } from './loadedValue';
import { useWholeLoad, type WholeLoader } from './useWholeLoad';
import { toValueBytes } from './valueBytes';
import { isBig } from './valueViews';
import { useEditorDb } from './editorDb';
import { valueCall } from './valueCalls';

type Load = { state: 'loading' } | { state: 'error'; error: ApiError } | { state: 'ready'; value: LoadedValue };

/**
 * One hash field in the side editor: the same Text / JSON / Hex views and saves as a string. A
 * big field opens partial (its first 1 MB, cut by Redis), loads whole in chunks and saves in
 * chunks, like a big string.
 */
export function FieldPanel({
  sessionId,
  keyBytes,
  field,
  readOnly,
  onSaved,
  onRename,
  onDelete,
  onClose,
}: {
  sessionId: string;
  keyBytes: KeyBytes;
  field: KeyBytes;
  readOnly: boolean;
  /** The bytes now saved (for the table's preview). */
  onSaved(bytes: Uint8Array, result: WriteResult): void;
  onRename(): void;
  onDelete(): void;
  onClose(): void;
}) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  const paused = useWritePause(sessionId);
  const db = useEditorDb();

  useEffect(() => {
    void valueCall('values.hash.getField', { sessionId, db, key: keyBytes, field }).then((result) =>
      setLoad(
        result.ok ? { state: 'ready', value: loadedFrom(result.value) } : { state: 'error', error: result.error },
      ),
    );
  }, [sessionId, db, keyBytes, field, generation]);

  const size = load.state === 'ready' ? load.value.size : 0;
  const loadWhole: WholeLoader = useCallback(
    (signal, onProgress) =>
      loadInChunks(fieldSource({ sessionId, db, key: keyBytes, field }), { size, signal, onProgress }),
    [sessionId, db, keyBytes, field, size],
  );
  const whole = useWholeLoad(
    loadWhole,
    useCallback((value: LoadedValue) => setLoad({ state: 'ready', value }), []),
  );

  const save: SaveCall = async (bytes, expect) => {
    const target = { sessionId, db, key: keyBytes };
    const result = isBig(bytes)
      ? await saveInChunks(target, bytes, expect, commitField({ ...target, field }))
      : await valueCall('values.hash.setField', { ...target, field, value: toValueBytes(bytes), expect });
    if (result.ok) onSaved(bytes, result.value);
    return result;
  };

  const name = displayKey(field);
  return (
    <section className="field-panel" aria-label={`Field ${name}`}>
      <div className="field-panel-head">
        <span className="muted">Field</span>
        <h3 className="field-title" title={name}>
          {name}
        </h3>
        {!readOnly && (
          <>
            <button type="button" disabled={!!paused} title={paused} onClick={onRename}>
              Rename…
            </button>
            <button type="button" className="danger" disabled={!!paused} title={paused} onClick={onDelete}>
              Delete…
            </button>
          </>
        )}
        <button type="button" className="icon-button" aria-label="Close field" onClick={onClose}>
          ✕
        </button>
      </div>
      {load.state === 'loading' && <p className="hint">Loading the field…</p>}
      {load.state === 'error' && <LoadFailed error={load.error} onRetry={() => setGeneration((g) => g + 1)} />}
      {load.state === 'ready' && (
        <ByteEditor
          key={`${generation}:${load.value.partial}`}
          place={{ sessionId, db, key: keyBytes, field }}
          loaded={load.value}
          readOnly={readOnly}
          paused={paused}
          label={`Value of field ${name}`}
          save={save}
          onSaved={() => undefined}
          whole={whole}
          onReload={() => {
            setLoad({ state: 'loading' });
            setGeneration((g) => g + 1);
          }}
          canRecreate
        />
      )}
    </section>
  );
}
