import { useTranslation } from 'react-i18next';
import { useId, useState } from 'react';
import type { KeyBytes } from '../../../shared/api/keys';
import { useWritePause } from '../sessions/sessionsStore';
import { FormDialog } from '../ui/FormDialog';
import { displayKey, keyId } from '../ui/keyText';
import { useKeys } from './keysStore';
import { describeTtl, parseTtl, type TtlUnit } from '../ui/ttlInput';
import { TtlUnitSelect } from '../ui/TtlUnitSelect';
import { useResolvedSelection } from './useResolvedSelection';

/** The TTL fields (expire after N units, or no expiry) and what they mean in milliseconds. */
function useTtlForm() {
  const id = useId();
  const [mode, setMode] = useState<'expire' | 'persist'>('expire');
  const [value, setValue] = useState('');
  const [unit, setUnit] = useState<TtlUnit>('s');
  const [error, setError] = useState<string>();
  const { t } = useTranslation();

  /** The TTL to set (null = PERSIST), or undefined after showing why the input is wrong. */
  const read = (): number | null | undefined => {
    if (mode === 'persist') return null;
    const parsed = parseTtl(value, unit, t);
    if ('error' in parsed) return void setError(parsed.error);
    setError(undefined);
    return parsed.ttlMs;
  };

  const fields = (
    <fieldset className="ttl-fields">
      <legend className="visually-hidden">{t('keys.ttl.legend')}</legend>
      <label className="checkbox">
        <input type="radio" name={`${id}-mode`} checked={mode === 'expire'} onChange={() => setMode('expire')} />
        {t('keys.ttl.expireAfter')}
      </label>
      <div className="ttl-amount">
        <label htmlFor={`${id}-value`} className="visually-hidden">
          {t('keys.ttl.timeToLive')}
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
        <TtlUnitSelect
          id={`${id}-unit`}
          label={t('keys.ttl.unit')}
          value={unit}
          disabled={mode !== 'expire'}
          onChange={setUnit}
        />
      </div>
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
      <label className="checkbox">
        <input type="radio" name={`${id}-mode`} checked={mode === 'persist'} onChange={() => setMode('persist')} />
        {t('keys.ttl.persist')}
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
  const { t } = useTranslation();
  const name = displayKey(keyBytes);
  const submit = async () => {
    const ttlMs = form.read();
    if (ttlMs === undefined) return;
    setBusy(true);
    const err = await expire(sessionId, [keyBytes], ttlMs);
    setBusy(false);
    if (err) return form.setError(err.message);
    onClose();
    onDone(
      ttlMs === null
        ? t('keys.ttl.persisted', { name })
        : t('keys.ttl.expiresIn', { name, ttl: describeTtl(ttlMs, t) }),
    );
  };
  return (
    <FormDialog
      title={t('keys.ttl.titleOne', { name })}
      submitLabel={form.mode === 'persist' ? t('keys.ttl.remove') : t('keys.ttl.set')}
      busy={busy}
      paused={paused}
      onCancel={onClose}
      onSubmit={() => void submit()}
    >
      <p className="hint">
        {t('keys.ttl.now', {
          state: !meta
            ? '…'
            : meta.ttlMs >= 0
              ? t('keys.ttl.nowExpires', { ttl: describeTtl(meta.ttlMs, t) })
              : t('keys.ttl.noExpiry'),
        })}
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
  const { t } = useTranslation();
  if (read.state !== 'ready' || read.value.keys.length === 0) {
    const message =
      read.state === 'reading'
        ? read.rowsRead > 0
          ? t('keys.bulkDelete.readingRows', { n: read.rowsRead })
          : t('keys.bulkDelete.reading')
        : read.state === 'error'
          ? read.message
          : t('keys.ttl.onlyFolders');
    return (
      <FormDialog
        title={read.state === 'reading' ? t('keys.ttl.set') : t('keys.ttl.cannot')}
        onCancel={onClose}
        cancelLabel={t('keys.bulkDelete.close')}
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
      title={t('keys.ttl.titleMany', { count: keys.length })}
      submitLabel={form.mode === 'persist' ? t('keys.ttl.remove') : t('keys.ttl.set')}
      paused={paused}
      onCancel={onClose}
      onSubmit={() => {
        const ttlMs = form.read();
        if (ttlMs === undefined) return;
        onClose();
        void bulkExpire(sessionId, keys, ttlMs);
      }}
    >
      {folders.length > 0 && <p className="hint">{t('keys.ttl.foldersSkipped', { count: folders.length })}</p>}
      {form.fields}
    </FormDialog>
  );
}
