import { useEffect, useRef, useState } from 'react';
import type { KeyBytes } from '../../../shared/api/keys';
import type { WriteResult } from '../../../shared/api/values';
import { api } from '../api/client';
import { useWritePause } from '../sessions/sessionsStore';
import { errorText } from './apiErrors';
import { conflictCurrent } from './loadedValue';
import { utf8Text } from './valueBytes';
import { useEditorDb } from './editorDb';

/**
 * A short text value edited in its table cell. It starts from the field as the server holds it
 * now (HGET, with its version), so Enter saves only over that; Escape cancels. A failed save
 * keeps the text in the box with the reason.
 */
export function InlineValueEdit({
  sessionId,
  keyBytes,
  field,
  initial,
  onDone,
  onCancel,
}: {
  sessionId: string;
  keyBytes: KeyBytes;
  field: KeyBytes;
  initial: string;
  onDone(value: string, result: WriteResult): void;
  onCancel(): void;
}) {
  const [text, setText] = useState(initial);
  const [version, setVersion] = useState<string | null>(null);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const paused = useWritePause(sessionId);
  const db = useEditorDb();
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let live = true;
    void api.call('values.hash.getField', { sessionId, db, key: keyBytes, field }).then((r) => {
      if (!live) return;
      if (!r.ok) return setError(errorText(r.error));
      setVersion(r.value.version);
      if (typeof r.value.value === 'string' && r.value.value !== initial) {
        setText(r.value.value);
        setError('The value changed on the server since the table was loaded: this is the current one.');
      }
    });
    input.current?.select();
    return () => {
      live = false;
    };
  }, [sessionId, db, keyBytes, field, initial]);

  const save = async () => {
    // The text stays in the box: Enter again once the session is ready.
    if (paused) return setError(paused);
    if (!version) return;
    setBusy(true);
    const r = await api.call('values.hash.setField', {
      sessionId,
      db,
      key: keyBytes,
      field,
      value: text,
      expect: { version },
    });
    setBusy(false);
    if (r.ok) return onDone(text, r.value);
    const current = r.error.code === 'CONFLICT' ? conflictCurrent(r.error.details) : undefined;
    if (current?.version) {
      // Show what is there now; a second Enter overwrites exactly that version.
      setVersion(current.version);
      const now = utf8Text(current.bytes);
      return setError(
        `Changed on the server meanwhile${now === null ? '' : ` (now “${now.slice(0, 80)}”)`}. Enter again to overwrite, Escape to cancel.`,
      );
    }
    setError(errorText(r.error));
  };

  return (
    <div className="inline-edit">
      <input
        ref={input}
        aria-label="Edit value"
        value={text}
        autoFocus
        disabled={busy}
        aria-invalid={error ? true : undefined}
        onChange={(e) => setText(e.target.value)}
        onClick={(e) => e.stopPropagation()}
        onDoubleClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Enter') void save();
          if (e.key === 'Escape') onCancel();
        }}
      />
      {error && (
        <span className="inline-edit-error" role="alert" title={error}>
          {error}
        </span>
      )}
    </div>
  );
}
