import { useState } from 'react';
import type { ApiError } from '../../../shared/api/errors';
import { useProfiles } from '../profiles/profilesStore';
import { saveQuickAsProfile } from './saveQuickAsProfile';

/**
 * In a quick-connect session's header: it is not saved, and how to keep it — or, once saved,
 * under which profile (saving it again would make a second, identical profile).
 */
export function QuickSessionBadge({ quickId }: { quickId: string }) {
  const [error, setError] = useState<ApiError>();
  const savedAs = useProfiles((s) => {
    const id = s.savedFromQuick[quickId];
    return id ? s.profiles.find((p) => p.id === id) : undefined;
  });
  if (savedAs) {
    return (
      <span className="badge" title="This tab stays a quick connection; open the profile from the connections list">
        saved as “{savedAs.name}”
      </span>
    );
  }
  return (
    <>
      <span className="badge badge-unsaved" title="A quick connection: closing its tab forgets it">
        not saved
      </span>
      <button type="button" onClick={() => void saveQuickAsProfile(quickId).then(setError)}>
        Save as profile…
      </button>
      {error && (
        <span className="field-error" role="alert">
          {error.message}
        </span>
      )}
    </>
  );
}
