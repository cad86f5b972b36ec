import { useState } from 'react';
import type { ApiError } from '../../../shared/api/errors';
import { saveQuickAsProfile } from './saveQuickAsProfile';

/** In a quick-connect session's header: it is not saved, and how to keep it. */
export function QuickSessionBadge({ quickId }: { quickId: string }) {
  const [error, setError] = useState<ApiError>();
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
