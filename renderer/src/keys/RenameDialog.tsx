import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import type { KeyBytes } from '../../../shared/api/keys';
import { typedBytes } from '../ui/escapedInput';
import { useWritePause } from '../sessions/sessionsStore';
import { FormDialog } from '../ui/FormDialog';
import { Checkbox, EscapesCheckbox, TextField } from '../ui/fields';
import { displayKey, isEscaped, keyId } from '../ui/keyText';
import { useKeys } from './keysStore';

/**
 * Rename a key (context menu, F2). RENAMENX by default. Names that are not plain text are
 * edited in their escaped form (`\xff`), read back byte for byte.
 */
export function RenameDialog({
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
  const rename = useKeys((st) => st.rename);
  const binary = isEscaped(keyBytes);
  const [name, setName] = useState(displayKey(keyBytes));
  const [escapes, setEscapes] = useState(binary);
  const [onlyIfFree, setOnlyIfFree] = useState(true);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const paused = useWritePause(sessionId);
  const { t } = useTranslation();

  const submit = async () => {
    if (name === '') return setError(t('keys.rename.nameMissing'));
    const typed = typedBytes(name, escapes);
    if ('error' in typed) return setError(typed.error);
    const target = typed.value;
    if (keyId(target) === keyId(keyBytes)) return setError(t('keys.rename.sameName'));
    setBusy(true);
    const err = await rename(sessionId, keyBytes, target, onlyIfFree);
    setBusy(false);
    if (err) return setError(err.message);
    onClose();
    onDone(t('keys.rename.done', { from: displayKey(keyBytes), to: displayKey(target) }));
  };

  return (
    <FormDialog
      title={t('keys.rename.title')}
      submitLabel={t('keys.rename.submit')}
      busy={busy}
      canSubmit={name !== ''}
      paused={paused}
      onCancel={onClose}
      onSubmit={() => void submit()}
    >
      <p className="hint">
        {t('keys.rename.current')} <span className="dialog-key">{displayKey(keyBytes)}</span>
      </p>
      <TextField
        id={`rename-dialog-${sessionId}`}
        label={t('keys.rename.newName')}
        value={name}
        onChange={setName}
        error={error}
      />
      <Checkbox
        id={`rename-dialog-nx-${sessionId}`}
        label={t('keys.rename.onlyIfFree')}
        checked={onlyIfFree}
        onChange={setOnlyIfFree}
      />
      <EscapesCheckbox id={`rename-dialog-esc-${sessionId}`} checked={escapes} onChange={setEscapes} />
    </FormDialog>
  );
}
