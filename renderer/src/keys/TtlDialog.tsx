import { useId, useState } from 'react';
import type { KeyBytes } from '../../../shared/api/keys';
import { useWritePause } from '../sessions/sessionsStore';
import { FormDialog } from '../ui/FormDialog';
import { countOf } from '../ui/format';
import { displayKey, keyId } from '../ui/keyText';
import { useKeys } from './keysStore';
import { describeTtl, parseTtl, type TtlUnit } from '../ui/ttlInput';
import { TtlUnitSelect } from '../ui/TtlUnitSelect';
import { useResolvedSelection } from './useResolvedSelection';

const n = (x: number) => x.toLocaleString('en-US');

/** The TTL fields (expire after N units, or no expiry) and what they mean in milliseconds. */
function useTtlForm() {
  const id = useId();
  const [mode, setMode] = useState<'expire' | 'persist'>('expire');
  const [value, setValue] = useState('');
  const [unit, setUnit] = useState<TtlUnit>('s');
  const [error, setError] = useState<string>();

  /** The TTL to set (null = PERSIST), or undefined after showing why the input is wrong. */
  const read = (): number | null | undefined => {
    if (mode === 'persist') return null;
    const parsed = parseTtl(value, unit);
    if ('error' in parsed) return void setError(parsed.error);
    setError(undefined);
    return parsed.ttlMs;
  };

  const fields = (
    <fieldset className="ttl-fields">
      <legend className="visually-hidden">New TTL</legend>
      <label className="checkbox">
        <input type="radio" name={`${id}-mode`} checked={mode === 'expire'} onChange={() => setMode('expire')} />
        Expire after
      </label>
      <div className="ttl-amount">
        <label htmlFor={`${id}-value`} className="visually-hidden">
          Time to live
        </label>
        <input
          id={`${id}-value`}
          inputMode="decimal"
          autoComplete="off"
          value={value}
          disabled={mode !== 'expire'}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => setValue(e.target.value)}
        />
        <TtlUnitSelect id={`${id}-unit`} label="Unit" value={unit} disabled={mode !== 'expire'} onChange={setUnit} />
      </div>
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
      <label className="checkbox">
        <input type="radio" name={`${id}-mode`} checked={mode === 'persist'} onChange={() => setMode('persist')} />
        Remove the TTL (keep forever)
      </label>
    </fieldset>
  );
  return { fields, read, mode, setError };
}

/** Set or remove the TTL of one key (context menu). */
export function TtlDialog({
  sessionId,
  keyBytes,
  onClose,
  onDone,
}: {
  sessionId: string;
  keyBytes: KeyBytes;
  onClose(): void;
  onDone(message: string): void;
}) {
  const meta = useKeys((st) => st.bySession[sessionId]?.meta[keyId(keyBytes)]);
  const expire = useKeys((st) => st.expire);
  const form = useTtlForm();
  const [busy, setBusy] = useState(false);
  const paused = useWritePause(sessionId);
  const name = displayKey(keyBytes);
  const submit = async () => {
    const ttlMs = form.read();
    if (ttlMs === undefined) return;
    setBusy(true);
    const err = await expire(sessionId, [keyBytes], ttlMs);
    setBusy(false);
    if (err) return form.setError(err.message);
    onClose();
    onDone(ttlMs === null ? `“${name}” no longer expires.` : `“${name}” expires in ${describeTtl(ttlMs)}.`);
  };
  return (
    <FormDialog
      title={`Set TTL of “${name}”`}
      submitLabel={form.mode === 'persist' ? 'Remove TTL' : 'Set TTL'}
      busy={busy}
      paused={paused}
      onCancel={onClose}
      onSubmit={() => void submit()}
    >
      <p className="hint">
        Now: {!meta ? '…' : meta.ttlMs >= 0 ? `expires in ${describeTtl(meta.ttlMs)}` : 'no expiry'}
      </p>
      {form.fields}
    </FormDialog>
  );
}

/** Set or remove the TTL of every selected key, in batches; folders are skipped (said so). */
export function SelectionTtlDialog({ sessionId, onClose }: { sessionId: string; onClose(): void }) {
  const read = useResolvedSelection(sessionId);
  const bulkExpire = useKeys((st) => st.bulkExpire);
  const form = useTtlForm();
  const paused = useWritePause(sessionId);
  if (read.state !== 'ready' || read.value.keys.length === 0) {
    const message =
      read.state === 'reading'
        ? `Reading the selection… ${read.rowsRead > 0 ? `${n(read.rowsRead)} rows so far` : ''}`
        : read.state === 'error'
          ? read.message
          : 'The selection holds only folders. A TTL applies to keys: expand a folder and select its keys.';
    return (
      <FormDialog
        title={read.state === 'reading' ? 'Set TTL' : 'Cannot set a TTL'}
        onCancel={onClose}
        cancelLabel="Close"
      >
        <p
          className={read.state === 'reading' ? '' : 'field-error'}
          role={read.state === 'reading' ? 'status' : 'alert'}
        >
          {message}
        </p>
      </FormDialog>
    );
  }
  const { keys, folders } = read.value;
  return (
    <FormDialog
      title={`Set TTL on ${countOf(keys.length, 'key')}`}
      submitLabel={form.mode === 'persist' ? 'Remove TTL' : 'Set TTL'}
      paused={paused}
      onCancel={onClose}
      onSubmit={() => {
        const ttlMs = form.read();
        if (ttlMs === undefined) return;
        onClose();
        void bulkExpire(sessionId, keys, ttlMs);
      }}
    >
      {folders.length > 0 && (
        <p className="hint">
          {n(folders.length)} selected {folders.length === 1 ? 'folder is' : 'folders are'} skipped: a TTL applies to
          keys, not folders. Expand a folder and select its keys to change them.
        </p>
      )}
      {form.fields}
    </FormDialog>
  );
}
