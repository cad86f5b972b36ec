import type { ApiError } from '../../../shared/api/errors';
import { errorText } from './apiErrors';

/** A value (or a page of it) that could not be read: the server's reason and Retry. */
export function LoadFailed({ error, what, onRetry }: { error: ApiError; what?: string; onRetry(): void }) {
  return (
    <div className="banner banner-error" role="alert">
      {what && `Could not load ${what}. `}
      {errorText(error)}
      <button type="button" onClick={onRetry}>
        Retry
      </button>
    </div>
  );
}
