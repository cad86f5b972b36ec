import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../ui/fields';
import { useKeys } from './keysStore';

const parse = (s: string): number | undefined => {
  const n = Number(s.replace(/[,_\s]/g, ''));
  return s.trim() && Number.isInteger(n) && n > 0 ? n : undefined;
};

/** Production guard rails for the scan: a cap on loaded keys and a gentle SCAN rate. */
export function ScanLimits({ sessionId }: { sessionId: string }) {
  const limits = useKeys((st) => st.bySession[sessionId]?.limits);
  const setLimits = useKeys((st) => st.setLimits);
  const [cap, setCap] = useState(limits?.cap ? String(limits.cap) : '');
  const [rate, setRate] = useState(limits?.maxCallsPerSecond ? String(limits.maxCallsPerSecond) : '');
  const [error, setError] = useState<'wholeNumbers'>();
  const { t } = useTranslation();

  const apply = (e: FormEvent) => {
    e.preventDefault();
    const c = parse(cap);
    const r = parse(rate);
    if ((cap.trim() && !c) || (rate.trim() && !r)) return setError('wholeNumbers');
    setError(undefined);
    void setLimits(sessionId, { ...(c ? { cap: c } : {}), ...(r ? { maxCallsPerSecond: r } : {}) });
  };

  return (
    <details className="scan-limits">
      <summary>{limits?.cap || limits?.maxCallsPerSecond ? t('keys.limits.titleOn') : t('keys.limits.title')}</summary>
      <form className="inline-form" onSubmit={apply}>
        <TextField
          id={`cap-${sessionId}`}
          label={t('keys.limits.cap')}
          inputMode="numeric"
          placeholder={t('keys.limits.noLimit')}
          value={cap}
          onChange={setCap}
        />
        <TextField
          id={`rate-${sessionId}`}
          label={t('keys.limits.rate')}
          inputMode="numeric"
          placeholder={t('keys.limits.noLimit')}
          value={rate}
          onChange={setRate}
        />
        <button type="submit">{t('keys.limits.apply')}</button>
      </form>
      {error && (
        <p className="field-error" role="alert">
          {t(`keys.limits.${error}`)}
        </p>
      )}
    </details>
  );
}
