import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../shared/api/errors';
import { useNav } from '../nav/navStore';
import { useSessions } from '../sessions/sessionsStore';
import { titledError } from '../ui/errorTitles';
import { saveQuickAsProfile } from './saveQuickAsProfile';

/** What to do with a server quick connect reached: browse it now, or keep it as a profile. */
export function QuickActions({ quickId, target }: { quickId: string; target: string }) {
  const opening = useSessions((s) => !!s.opening[quickId]);
  const [error, setError] = useState<ApiError>();
  const { t } = useTranslation();

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
          {opening ? t('connect.opening') : t('connect.browse')}
        </button>
        <button type="button" onClick={() => void save()}>
          {t('connect.saveAsProfile')}
        </button>
      </div>
      <p className="field-hint">{t('connect.browseHint', { target })}</p>
      {error && (
        <p className="field-error" role="alert">
          {titledError(error, t)}
        </p>
      )}
    </div>
  );
}
