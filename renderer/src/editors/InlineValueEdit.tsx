import { useEffect, useRef, useState } from 'react';
import type { KeyBytes } from '../../../shared/api/keys';
import type { WriteResult } from '../../../shared/api/values';
import { useWritePause } from '../sessions/sessionsStore';
import { errorText } from './apiErrors';
import { conflictCurrent } from './loadedValue';
import { utf8Text } from './valueBytes';
import { useEditorDb } from './editorDb';
import { valueCall } from './valueCalls';

/**
 * A short text value edited in its table cell. It starts from the field as the server holds it
 * now (HGET, with its version), so Enter saves only over that; Escape cancels. A failed save
 * keeps the text in the box with the reason. Enter before that read has answered is kept: the
 * save goes once it has (and says so meanwhile), unless the value turned out to have changed.
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
  /** Enter was pressed before the field's version was known: save once it is. */
  const [queued, setQueued] = useState(false);
  const typed = useRef(false);
  const paused = useWritePause(sessionId);
  const db = useEditorDb();
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let live = true;
    void valueCall('values.hash.getField', { sessionId, db, key: keyBytes, field }).then((r) => {
      if (!live) return;
      if (!r.ok) {
        setQueued(false);
        return setError(errorText(r.error));
      }
      setVersion(r.value.version);
      if (typeof r.value.value === 'string' && r.value.value !== initial) {
        setQueued(false);
        const now = r.value.value;
        if (!typed.current) {
          setText(now);
          return setError('The value changed on the server since the table was loaded: this is the current one.');
        }
        // What was typed stays; the save waits for a second Enter, over the value that is there now.
        setError(
          `Changed on the server meanwhile (now “${now.slice(0, 80)}”). Enter again to overwrite, Escape to cancel.`,
        );
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
    if (!version) {
      setQueued(true);
      return setError(undefined);
    }
    setQueued(false);
    setBusy(true);
    const r = await valueCall('values.hash.setField', {
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

  useEffect(() => {
    if (queued && version) void save();
    // `save` is rebuilt every render; the queued Enter fires once, when the version arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [queued, version]);

  return (
    <div className="inline-edit">
      <input
        ref={input}
        aria-label="Edit value"
        value={text}
        autoFocus
        disabled={busy}
        aria-invalid={error ? true : undefined}
        onChange={(e) => {
          typed.current = true;
          setText(e.target.value);
        }}
        onClick={(e) => e.stopPropagation()}
        onDoubleClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Enter') void save();
          if (e.key === 'Escape') onCancel();
        }}
      />
      {queued && !error && (
        <span className="inline-edit-note" role="status">
          Saving once the field’s current value has loaded…
        </span>
      )}
      {error && (
        <span className="inline-edit-error" role="alert" title={error}>
          {error}
        </span>
      )}
    </div>
  );
}
