import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../shared/api/errors';
import { useProfiles } from '../profiles/profilesStore';
import { saveQuickAsProfile } from './saveQuickAsProfile';

/**
 * In a quick-connect session's header: it is not saved, and how to keep it — or, once saved,
 * under which profile (saving it again would make a second, identical profile).
 */
export function QuickSessionBadge({ quickId }: { quickId: string }) {
  const [error, setError] = useState<ApiError>();
  const { t } = useTranslation();
  const savedAs = useProfiles((s) => {
    const id = s.savedFromQuick[quickId];
    return id ? s.profiles.find((p) => p.id === id) : undefined;
  });
  if (savedAs) {
    return (
      <span className="badge" title={t('connect.savedAsHint')}>
        {t('connect.savedAs', { name: savedAs.name })}
      </span>
    );
  }
  return (
    <>
      <span className="badge badge-unsaved" title={t('connect.notSavedHint')}>
        {t('connect.notSaved')}
      </span>
      <button type="button" onClick={() => void saveQuickAsProfile(quickId).then(setError)}>
        {t('connect.saveAsProfile')}
      </button>
      {error && (
        <span className="field-error" role="alert">
          {error.message}
        </span>
      )}
    </>
  );
}
