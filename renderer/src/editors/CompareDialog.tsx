import { useEffect, useId, useRef, useState } from 'react';
import type { ApiError } from '../../../shared/api/errors';
import type { KeyBytes } from '../../../shared/api/keys';
import type { MgetItem } from '../../../shared/api/values';
import { displayKey, keyId } from '../ui/keyText';
import { errorText } from './apiErrors';
import { MergeEditor } from './MergeEditor';
import { bytesOf, formatBytes } from './valueBytes';
import { showAs } from './valueViews';
import { FormError } from '../ui/fields';
import { useModalDialog } from '../ui/useModalDialog';
import { useEditorDb } from './editorDb';
import { valueCall } from './valueCalls';

/** What a compared key shows: its value as text (escaped when binary), or why there is none. */
function itemText(item: MgetItem): string {
  if (!item.value) return item.type === 'none' ? '(no such key)' : `(a ${item.type}, not a string)`;
  return showAs(bytesOf(item.value.value), 'text').text;
}

function itemNote(item: MgetItem): string {
  if (!item.value) return '';
  const size = formatBytes(item.value.size);
  return item.value.truncated ? `${size}, first ${formatBytes(bytesOf(item.value.value).length)} shown` : size;
}

/**
 * Several string keys side by side, read with one MGET (each cut to 64 KB): two keys as a diff,
 * more as columns.
 */
export function CompareDialog({ sessionId, keys, onClose }: { sessionId: string; keys: KeyBytes[]; onClose(): void }) {
  const db = useEditorDb();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [items, setItems] = useState<MgetItem[]>();
  const [error, setError] = useState<ApiError>();
  useModalDialog(ref);
  useEffect(() => {
    let live = true;
    void valueCall('values.mget', { sessionId, db, keys }).then((r) => {
      if (!live) return;
      if (r.ok) setItems(r.value);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [sessionId, db, keys]);

  return (
    <dialog
      ref={ref}
      className="dialog compare-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId}>Compare {keys.length} keys</h2>
      {!items && !error && <p className="hint">Reading the values (MGET)…</p>}
      <FormError message={error && errorText(error)} />
      {items?.length === 2 ? (
        <div className="compare-two">
          <div className="compare-heads">
            {items.map((item) => (
              <span key={keyId(item.key)}>
                {displayKey(item.key)} <span className="muted">{itemNote(item)}</span>
              </span>
            ))}
          </div>
          <MergeEditor
            left={itemText(items[0]!)}
            right={itemText(items[1]!)}
            view="text"
            leftLabel={displayKey(items[0]!.key)}
            rightLabel={displayKey(items[1]!.key)}
          />
        </div>
      ) : (
        items && (
          <div className="compare-columns" role="list">
            {items.map((item) => (
              <section
                key={keyId(item.key)}
                className="compare-column"
                role="listitem"
                aria-label={displayKey(item.key)}
              >
                <h3 title={displayKey(item.key)}>{displayKey(item.key)}</h3>
                <p className="hint">{itemNote(item)}</p>
                <pre className={item.value ? '' : 'muted'}>{itemText(item)}</pre>
              </section>
            ))}
          </div>
        )
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </dialog>
  );
}
