import type { WriteResult } from '../../../shared/api/values';
import { useId, useState } from 'react';
import type { KeyBytes } from '../../../shared/api/keys';
import { displayKey, isEscaped } from '../ui/keyText';
import { useWritePause } from '../sessions/sessionsStore';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { FormDialog } from '../ui/FormDialog';
import { Checkbox, EscapesCheckbox, FormError, TextField } from '../ui/fields';
import { errorText } from './apiErrors';
import { typedBytes } from '../ui/escapedInput';
import { useEditorDb } from './editorDb';
import { valueCall } from './valueCalls';

/** A labelled multi-line text input. */
export function TextArea({
  label,
  value,
  onChange,
  rows = 4,
}: {
  label: string;
  value: string;
  onChange(value: string): void;
  rows?: number;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} rows={rows} spellCheck={false} value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

/** HSET a new field (HSETNX by default: "only if absent"); FIELD_EXISTS is said plainly. */
export function AddFieldDialog({
  sessionId,
  keyBytes,
  onClose,
  onAdded,
}: {
  sessionId: string;
  keyBytes: KeyBytes;
  onClose(): void;
  /** `wasAbsent`: the field is new for sure (HSETNX); else it may have been overwritten. */
  onAdded(field: KeyBytes, value: KeyBytes, wasAbsent: boolean, result: WriteResult): void;
}) {
  const id = useId();
  const [field, setField] = useState('');
  const [value, setValue] = useState('');
  const [onlyIfAbsent, setOnlyIfAbsent] = useState(true);
  const [escapes, setEscapes] = useState(false);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const paused = useWritePause(sessionId);
  const db = useEditorDb();
  const submit = async () => {
    const f = typedBytes(field, escapes);
    const v = typedBytes(value, escapes);
    if ('error' in f) return setError(`Field: ${f.error}`);
    if ('error' in v) return setError(`Value: ${v.error}`);
    setBusy(true);
    const result = await valueCall('values.hash.setField', {
      sessionId,
      db,
      key: keyBytes,
      field: f.value,
      value: v.value,
      expect: onlyIfAbsent ? 'absent' : 'any',
    });
    setBusy(false);
    if (!result.ok) return setError(errorText(result.error));
    onAdded(f.value, v.value, onlyIfAbsent, result.value);
    onClose();
  };
  return (
    <FormDialog
      title="Add field"
      submitLabel="Add"
      busy={busy}
      canSubmit={field !== ''}
      paused={paused}
      onCancel={onClose}
      onSubmit={() => void submit()}
    >
      <TextField id={`${id}-field`} label="Field" value={field} onChange={setField} autoFocus />
      <TextArea label="Value" value={value} onChange={setValue} />
      <Checkbox
        id={`${id}-nx`}
        label="Only if the field does not exist (HSETNX)"
        checked={onlyIfAbsent}
        onChange={setOnlyIfAbsent}
      />
      <EscapesCheckbox id={`${id}-esc`} checked={escapes} onChange={setEscapes} />
      <FormError message={error} />
    </FormDialog>
  );
}

/** Renames a field atomically (HSET new + HDEL old), refusing when the new name exists. */
export function RenameFieldDialog({
  sessionId,
  keyBytes,
  field,
  onClose,
  onRenamed,
}: {
  sessionId: string;
  keyBytes: KeyBytes;
  field: KeyBytes;
  onClose(): void;
  onRenamed(newField: KeyBytes): void;
}) {
  const id = useId();
  const binary = isEscaped(field);
  const [name, setName] = useState(displayKey(field));
  const [escapes, setEscapes] = useState(binary);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const paused = useWritePause(sessionId);
  const db = useEditorDb();
  const submit = async () => {
    const typed = typedBytes(name, escapes);
    if ('error' in typed) return setError(typed.error);
    setBusy(true);
    const result = await valueCall('values.hash.renameField', {
      sessionId,
      db,
      key: keyBytes,
      field,
      newField: typed.value,
    });
    setBusy(false);
    if (!result.ok) return setError(errorText(result.error));
    onRenamed(result.value.field);
    onClose();
  };
  return (
    <FormDialog
      title="Rename field"
      submitLabel="Rename"
      busy={busy}
      canSubmit={name !== ''}
      paused={paused}
      onCancel={onClose}
      onSubmit={() => void submit()}
    >
      <p className="hint dialog-key">{displayKey(field)}</p>
      <TextField id={`${id}-name`} label="New field name" value={name} onChange={setName} error={error} autoFocus />
      <EscapesCheckbox id={`${id}-esc`} checked={escapes} onChange={setEscapes} />
      <p className="hint">Atomic: the value moves to the new name in one step; refused if that name exists.</p>
    </FormDialog>
  );
}

/** Confirms deleting one field (named) or several (counted). */
export function DeleteFieldsDialog({
  fields,
  paused,
  onCancel,
  onConfirm,
}: {
  fields: KeyBytes[];
  paused?: string;
  onCancel(): void;
  onConfirm(): void;
}) {
  const n = fields.length.toLocaleString('en-US');
  return (
    <ConfirmDialog
      title={fields.length === 1 ? 'Delete field?' : `Delete ${n} fields?`}
      message={
        fields.length === 1
          ? `The field “${displayKey(fields[0]!)}” will be deleted from the hash. This cannot be undone.`
          : `${n} fields will be deleted from the hash (HDEL). This cannot be undone.`
      }
      confirmLabel="Delete"
      danger
      paused={paused}
      onCancel={onCancel}
      onConfirm={onConfirm}
    />
  );
}
