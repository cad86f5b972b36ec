import { useState, type FormEvent } from 'react';
import type { KeyBytes, KeyMeta } from '../../../shared/api/keys';
import { Checkbox, TextField } from '../ui/fields';
import { displayKey } from './keyText';
import { useKeys } from './keysStore';

/** Rename (RENAMENX by default) and TTL (set in seconds or remove) for the opened key. */
export function KeyActions({
  sessionId,
  keyBytes,
  meta,
}: {
  sessionId: string;
  keyBytes: KeyBytes;
  meta: KeyMeta | undefined;
}) {
  const { rename, expire } = useKeys.getState();
  const [newName, setNewName] = useState(typeof keyBytes === 'string' ? keyBytes : '');
  const [onlyIfFree, setOnlyIfFree] = useState(true);
  const [ttl, setTtl] = useState('');
  const [error, setError] = useState<{ field: 'rename' | 'ttl'; message: string }>();

  const doRename = async (e: FormEvent) => {
    e.preventDefault();
    if (!newName || newName === keyBytes) return;
    const err = await rename(sessionId, keyBytes, newName, onlyIfFree);
    setError(err ? { field: 'rename', message: err.message } : undefined);
  };
  const doExpire = async (e: FormEvent) => {
    e.preventDefault();
    const seconds = Number(ttl);
    if (!Number.isFinite(seconds) || seconds <= 0)
      return setError({ field: 'ttl', message: 'Enter a number of seconds greater than 0.' });
    const err = await expire(sessionId, [keyBytes], Math.round(seconds * 1000));
    setError(err ? { field: 'ttl', message: err.message } : undefined);
    if (!err) setTtl('');
  };
  const persist = async () => {
    const err = await expire(sessionId, [keyBytes], null);
    setError(err ? { field: 'ttl', message: err.message } : undefined);
  };

  return (
    <div className="key-actions">
      <form onSubmit={(e) => void doRename(e)} className="inline-form">
        <TextField
          id={`rename-${sessionId}`}
          label="Rename to"
          value={newName}
          onChange={setNewName}
          placeholder={displayKey(keyBytes)}
          error={error?.field === 'rename' ? error.message : undefined}
        />
        <Checkbox
          id={`rename-nx-${sessionId}`}
          label="Only if the new name is free"
          checked={onlyIfFree}
          onChange={setOnlyIfFree}
        />
        <button type="submit" disabled={!newName || newName === keyBytes}>
          Rename
        </button>
      </form>
      <form onSubmit={(e) => void doExpire(e)} className="inline-form">
        <TextField
          id={`ttl-${sessionId}`}
          label="Expire in (seconds)"
          inputMode="numeric"
          value={ttl}
          onChange={setTtl}
          error={error?.field === 'ttl' ? error.message : undefined}
        />
        <button type="submit" disabled={!ttl}>
          Set TTL
        </button>
        {meta && meta.ttlMs >= 0 && (
          <button type="button" onClick={() => void persist()}>
            Remove expiry
          </button>
        )}
      </form>
    </div>
  );
}
