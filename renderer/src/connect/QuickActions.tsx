import { useState } from 'react';
import type { ApiError } from '../../../shared/api/errors';
import { useNav } from '../nav/navStore';
import { useSessions } from '../sessions/sessionsStore';
import { errorTitle } from '../ui/errorTitles';
import { saveQuickAsProfile } from './saveQuickAsProfile';

/** What to do with a server quick connect reached: browse it now, or keep it as a profile. */
export function QuickActions({ quickId, target }: { quickId: string; target: string }) {
  const opening = useSessions((s) => !!s.opening[quickId]);
  const [error, setError] = useState<ApiError>();

  const browse = async () => {
    setError(undefined);
    const sessionId = await useSessions.getState().open(quickId);
    if (sessionId) useNav.getState().go({ kind: 'session', sessionId });
    else setError(useSessions.getState().openErrors[quickId]);
  };
  const save = async () => {
    setError(undefined);
    setError(await saveQuickAsProfile(quickId));
  };

  return (
    <div className="quick-actions">
      <div className="quick-actions-row">
        <button type="button" className="primary" disabled={opening} onClick={() => void browse()}>
          {opening ? 'Opening…' : 'Browse'}
        </button>
        <button type="button" onClick={() => void save()}>
          Save as profile…
        </button>
      </div>
      <p className="field-hint">
        Browse opens {target} in a tab with the key browser and editors; nothing is saved until you save it as a
        profile.
      </p>
      {error && (
        <p className="field-error" role="alert">
          {errorTitle(error.code)}: {error.message}
        </p>
      )}
    </div>
  );
}
