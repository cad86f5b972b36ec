import type { TFunction } from 'i18next';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation();
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
    const typed = text.trim();
    if (typed && !isPattern(typed)) void lookup(sessionId, typed);
    else void scan(sessionId, { match: typed });
  };
  const scanning = s.status?.state === 'scanning';

  return (
    <div className="scan-bar">
      <form className="scan-search" onSubmit={submit} role="search">
        <label htmlFor={`search-${sessionId}`} className="visually-hidden">
          {t('keys.find')}
        </label>
        <input
          ref={input}
          id={`search-${sessionId}`}
          value={text}
          spellCheck={false}
          placeholder={t('keys.findPlaceholder')}
          title={t('keys.findHint')}
          onChange={(e) => setText(e.target.value)}
        />
        <label htmlFor={`type-${sessionId}`} className="visually-hidden">
          {t('keys.type')}
        </label>
        <select
          id={`type-${sessionId}`}
          value={s.type ?? ''}
          onChange={(e) =>
            void scan(sessionId, { match: text.trim(), type: (e.target.value || undefined) as RedisType | undefined })
          }
        >
          <option value="">{t('keys.allTypes')}</option>
          {REDIS_TYPES.map((type) => (
            <option key={type} value={type}>
              {type}
            </option>
          ))}
        </select>
        <button
          type="button"
          aria-pressed={s.view === 'flat'}
          title={t('keys.flatListHint')}
          onClick={() => setView(sessionId, s.view === 'flat' ? 'tree' : 'flat')}
        >
          {t('keys.flatList')}
        </button>
        {scanning ? (
          <button type="button" onClick={() => void cancel(sessionId)}>
            {t('keys.cancel')}
          </button>
        ) : (
          <button
            type="button"
            onClick={() => void scan(sessionId)}
            title={t('keys.rescanHint')}
            aria-keyshortcuts="F5 Control+R"
          >
            {t('keys.rescan')}
          </button>
        )}
      </form>
      <ScanLimits sessionId={sessionId} />
      <p className={`scan-status scan-${s.status?.state ?? 'idle'}`} role="status">
        {scanning && <span className="spinner" aria-hidden="true" />} {scanSummary(s.status, dbKeys, t)}
      </p>
      {s.lookup && (
        <p className={s.lookup.found ? 'hint' : 'field-error'} role="status">
          {lookupText(s.lookup, s.status, t)}
        </p>
      )}
      <FormError message={s.error?.message} />
    </div>
  );
}

/** What an exact-key lookup found, and why a found key may not be in the list (the search leaves it out). */
function lookupText(lookup: NonNullable<SessionKeys['lookup']>, status: SessionKeys['status'], t: TFunction): string {
  const name = displayKey(lookup.key);
  if (!lookup.found) return t('keys.lookup.notFound', { name });
  if (lookup.listed) return t('keys.lookup.found', { name });
  const matching = status?.match ? t('keys.lookup.matching', { match: status.match }) : '';
  const ofType = status?.type ? t('keys.lookup.ofType', { type: status.type }) : '';
  const search = matching && ofType ? t('keys.lookup.both', { matching, ofType }) : matching || ofType;
  return t('keys.lookup.foundHidden', { name, search });
}
