import { useEffect, useRef, useState, type FormEvent } from 'react';
import { REDIS_TYPES, type RedisType } from '../../../shared/api/keys';
import { useShallow } from 'zustand/react/shallow';
import { useKeysIn } from '../sessions/keyCounts';
import { displayKey, isPattern } from '../ui/keyText';
import type { SessionKeys } from './keysState';
import { useKeys } from './keysStore';
import { scanSummary } from './scanSummary';
import { ScanLimits } from './ScanLimits';
import { FormError } from '../ui/fields';

/** Search (MATCH pattern or exact key), type filter, rescan/cancel and the honest progress line. */
export function ScanBar({ sessionId }: { sessionId: string }) {
  const s = useKeys(
    useShallow((st) => {
      const cur = st.bySession[sessionId];
      return {
        status: cur?.status,
        type: cur?.type,
        view: cur?.view,
        lookup: cur?.lookup,
        error: cur?.error,
        db: cur?.db,
      };
    }),
  );
  const dbKeys = useKeysIn(sessionId, s.db);
  const { scan, cancel, lookup, setView } = useKeys.getState();
  const [text, setText] = useState('');
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    // `/` or Ctrl+F focuses the search, as in most browsers of things.
    const onKey = (e: globalThis.KeyboardEvent) => {
      const typing =
        e.target instanceof HTMLInputElement ||
        e.target instanceof HTMLTextAreaElement ||
        e.target instanceof HTMLSelectElement;
      if ((e.key === '/' && !typing) || ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f')) {
        e.preventDefault();
        input.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const t = text.trim();
    if (t && !isPattern(t)) void lookup(sessionId, t);
    else void scan(sessionId, { match: t });
  };
  const scanning = s.status?.state === 'scanning';

  return (
    <div className="scan-bar">
      <form className="scan-search" onSubmit={submit} role="search">
        <label htmlFor={`search-${sessionId}`} className="visually-hidden">
          Find keys
        </label>
        <input
          ref={input}
          id={`search-${sessionId}`}
          value={text}
          spellCheck={false}
          placeholder="Find: user:* or an exact key"
          title="A pattern with * ? [ ] is sent to the server as SCAN MATCH; a name without them is looked up at once. Press / or Ctrl+F to come here."
          onChange={(e) => setText(e.target.value)}
        />
        <label htmlFor={`type-${sessionId}`} className="visually-hidden">
          Type
        </label>
        <select
          id={`type-${sessionId}`}
          value={s.type ?? ''}
          onChange={(e) =>
            void scan(sessionId, { match: text.trim(), type: (e.target.value || undefined) as RedisType | undefined })
          }
        >
          <option value="">All types</option>
          {REDIS_TYPES.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
        <button
          type="button"
          aria-pressed={s.view === 'flat'}
          title="Show every key in one list instead of folders"
          onClick={() => setView(sessionId, s.view === 'flat' ? 'tree' : 'flat')}
        >
          Flat list
        </button>
        {scanning ? (
          <button type="button" onClick={() => void cancel(sessionId)}>
            Cancel
          </button>
        ) : (
          <button
            type="button"
            onClick={() => void scan(sessionId)}
            title="Scan the database again (F5 or Ctrl+R)"
            aria-keyshortcuts="F5 Control+R"
          >
            Rescan
          </button>
        )}
      </form>
      <ScanLimits sessionId={sessionId} />
      <p className={`scan-status scan-${s.status?.state ?? 'idle'}`} role="status">
        {scanning && <span className="spinner" aria-hidden="true" />} {scanSummary(s.status, dbKeys)}
      </p>
      {s.lookup && (
        <p className={s.lookup.found ? 'hint' : 'field-error'} role="status">
          {lookupText(s.lookup, s.status)}
        </p>
      )}
      <FormError message={s.error?.message} />
    </div>
  );
}

/** What an exact-key lookup found, and why a found key may not be in the list (the search leaves it out). */
function lookupText(lookup: NonNullable<SessionKeys['lookup']>, status: SessionKeys['status']): string {
  const name = `“${displayKey(lookup.key)}”`;
  if (!lookup.found) return `No key named ${name} in this database.`;
  if (lookup.listed) return `Found ${name}.`;
  const search = [status?.match && `matching “${status.match}”`, status?.type && `of type ${status.type}`];
  return `Found ${name} and opened it; it is not in the list, which shows only the keys ${search.filter(Boolean).join(' ')}.`;
}
