import { useId, useState } from 'react';
import type { KeyBytes } from '../../../shared/api/keys';
import type { TtlUnit } from '../ui/ttlInput';
import { TtlUnitSelect } from '../ui/TtlUnitSelect';
import { useWritePause } from '../sessions/sessionsStore';
import { FormDialog } from '../ui/FormDialog';
import { EscapesCheckbox, FormError, TextField } from '../ui/fields';
import { countOf } from '../ui/format';
import { errorText } from './apiErrors';
import { BulkFields, HashRows, type HashRow } from './NewKeyParts';
import { parseBulk } from './bulkInput';
import { typedBytes } from '../ui/escapedInput';
import { CONDITIONS, createRefusal, existingKeysText, ttlChange, type Condition } from './newKeyInput';
import { TextArea } from './FieldDialogs';
import { useEditorDb } from './editorDb';
import { valueCall } from './valueCalls';

type Kind = 'string' | 'hash' | 'bulk';
const KINDS: readonly { value: Kind; label: string }[] = [
  { value: 'string', label: 'String' },
  { value: 'hash', label: 'Hash' },
  { value: 'bulk', label: 'Several strings' },
];

/**
 * New key: a string (NX by default, or XX, with a TTL in seconds or milliseconds), a hash with
 * its first fields, or many strings pasted at once (MSET / MSETNX, all or nothing).
 */
export function NewKeyDialog({
  sessionId,
  onClose,
  onCreated,
}: {
  sessionId: string;
  onClose(): void;
  /** Created: the key to open (none for several), and what to tell the user. */
  onCreated(key: KeyBytes | undefined, message: string): void;
}) {
  const id = useId();
  const [kind, setKind] = useState<Kind>('string');
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const [escapes, setEscapes] = useState(false);
  const [ttl, setTtl] = useState('');
  const [unit, setUnit] = useState<TtlUnit>('s');
  const [condition, setCondition] = useState<Condition>('absent');
  const [rows, setRows] = useState<HashRow[]>([{ field: '', value: '' }]);
  const [bulk, setBulk] = useState('');
  const [onlyIfNoneExist, setOnlyIfNoneExist] = useState(true);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const paused = useWritePause(sessionId);
  const db = useEditorDb();

  const create = async (): Promise<string | undefined> => {
    if (kind === 'bulk') {
      const parsed = parseBulk(bulk);
      if ('error' in parsed) return parsed.error;
      const r = await valueCall('values.mset', { sessionId, db, pairs: parsed.pairs, onlyIfNoneExist });
      if (!r.ok)
        return r.error.code === 'KEY_EXISTS'
          ? `Nothing was written: ${existingKeysText(r.error.details)} already exist (MSETNX writes all or none).`
          : errorText(r.error);
      onCreated(undefined, `Wrote ${countOf(r.value.count, 'key')} at once (${onlyIfNoneExist ? 'MSETNX' : 'MSET'}).`);
      return undefined;
    }
    const key = typedBytes(name, escapes);
    if ('error' in key) return `Name: ${key.error}`;
    if (name === '') return 'Enter the name of the key.';
    const life = ttlChange(ttl, unit, kind === 'string' ? 'keep' : 'persist');
    if ('error' in life) return `TTL: ${life.error}`;
    if (kind === 'string') {
      const bytes = typedBytes(value, escapes);
      if ('error' in bytes) return `Value: ${bytes.error}`;
      const r = await valueCall('values.string.set', {
        sessionId,
        db,
        key: key.value,
        value: bytes.value,
        expect: condition,
        ttl: life.ttl,
      });
      if (!r.ok) return createRefusal(r.error, key.value, condition);
      onCreated(key.value, `Saved the string “${name}”.`);
      return undefined;
    }
    const entries = [];
    for (const row of rows) {
      if (row.field === '' && row.value === '') continue;
      const field = typedBytes(row.field, escapes);
      const v = typedBytes(row.value, escapes);
      if ('error' in field) return `Field: ${field.error}`;
      if ('error' in v) return `Value: ${v.error}`;
      entries.push({ field: field.value, value: v.value });
    }
    if (entries.length === 0) return 'A hash needs at least one field.';
    const r = await valueCall('values.hash.create', { sessionId, db, key: key.value, entries, ttl: life.ttl });
    if (!r.ok) return createRefusal(r.error, key.value, 'absent');
    onCreated(
      key.value,
      `Created the hash “${name}” with ${r.value.length} ${r.value.length === 1 ? 'field' : 'fields'}.`,
    );
    return undefined;
  };

  const submit = async () => {
    setBusy(true);
    const problem = await create();
    setBusy(false);
    setError(problem);
    if (!problem) onClose();
  };

  return (
    <FormDialog
      title="New key"
      submitLabel={kind === 'bulk' ? 'Write keys' : 'Create'}
      busy={busy}
      paused={paused}
      onCancel={onClose}
      onSubmit={() => void submit()}
    >
      <div className="segmented" role="radiogroup" aria-label="Type">
        {KINDS.map((k) => (
          <button
            key={k.value}
            type="button"
            role="radio"
            aria-checked={kind === k.value}
            className={kind === k.value ? 'on' : ''}
            onClick={() => setKind(k.value)}
          >
            {k.label}
          </button>
        ))}
      </div>
      {kind === 'bulk' ? (
        <BulkFields
          text={bulk}
          onText={setBulk}
          onlyIfNoneExist={onlyIfNoneExist}
          onOnlyIfNoneExist={setOnlyIfNoneExist}
        />
      ) : (
        <>
          <TextField id={`${id}-name`} label="Name" value={name} onChange={setName} autoFocus />
          {kind === 'string' ? (
            <TextArea label="Value" value={value} onChange={setValue} />
          ) : (
            <HashRows rows={rows} onRows={setRows} />
          )}
          <div className="field">
            <label htmlFor={`${id}-ttl`}>
              TTL (empty: {kind === 'string' ? 'none, or keep the current one' : 'none'})
            </label>
            <div className="ttl-amount new-key-ttl">
              <input
                id={`${id}-ttl`}
                inputMode="decimal"
                autoComplete="off"
                value={ttl}
                onChange={(e) => setTtl(e.target.value)}
              />
              <TtlUnitSelect id={`${id}-unit`} label="TTL unit" value={unit} onChange={setUnit} />
            </div>
          </div>
          {kind === 'string' && (
            <fieldset className="ttl-fields">
              <legend className="visually-hidden">Write</legend>
              {CONDITIONS.map((c) => (
                <label key={c.value} className="checkbox">
                  <input
                    type="radio"
                    name={`${id}-condition`}
                    checked={condition === c.value}
                    onChange={() => setCondition(c.value)}
                  />
                  {c.label}
                </label>
              ))}
            </fieldset>
          )}
          <EscapesCheckbox id={`${id}-esc`} checked={escapes} onChange={setEscapes} />
        </>
      )}
      <FormError message={error} />
    </FormDialog>
  );
}
