import { useState, type FormEvent } from 'react';
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
  const [error, setError] = useState<string>();

  const apply = (e: FormEvent) => {
    e.preventDefault();
    const c = parse(cap);
    const r = parse(rate);
    if ((cap.trim() && !c) || (rate.trim() && !r))
      return setError('Use whole numbers greater than 0, or leave empty for no limit.');
    setError(undefined);
    void setLimits(sessionId, { ...(c ? { cap: c } : {}), ...(r ? { maxCallsPerSecond: r } : {}) });
  };

  return (
    <details className="scan-limits">
      <summary>Scan limits{limits?.cap || limits?.maxCallsPerSecond ? ' (on)' : ''}</summary>
      <form className="inline-form" onSubmit={apply}>
        <TextField
          id={`cap-${sessionId}`}
          label="Stop after (keys)"
          inputMode="numeric"
          placeholder="no limit"
          value={cap}
          onChange={setCap}
        />
        <TextField
          id={`rate-${sessionId}`}
          label="Gentle: max SCAN calls per second"
          inputMode="numeric"
          placeholder="no limit"
          value={rate}
          onChange={setRate}
        />
        <button type="submit">Apply and rescan</button>
      </form>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </details>
  );
}
