import type { ApiError } from '../../../shared/api/errors';
import { errorText, RETRYABLE } from './apiErrors';

/**
 * Why a save failed, with what can be done next. The edit itself stays in the editor: nothing
 * typed is lost, whatever happened.
 */
export function SaveFailure({
  error,
  busy,
  onRetry,
  onRecreate,
  onReload,
  onCopy,
  onDismiss,
}: {
  error: ApiError;
  busy: boolean;
  onRetry(): void;
  /** Offered when the key (or field) is gone: write the edit as a new one. */
  onRecreate?: () => void;
  onReload(): void;
  onCopy(): void;
  onDismiss(): void;
}) {
  const gone = error.code === 'NOT_FOUND';
  const replaced = error.code === 'WRONGTYPE';
  return (
    <div className="banner banner-error save-failure" role="alert">
      <p>
        <strong>Not saved.</strong> {errorText(error)}
      </p>
      <p className="hint">Your edit is still in the editor.</p>
      <div className="banner-actions">
        {RETRYABLE.has(error.code) && (
          <button type="button" className="primary" disabled={busy} onClick={onRetry}>
            Retry
          </button>
        )}
        {gone && onRecreate && (
          <button type="button" disabled={busy} onClick={onRecreate}>
            Save it as new
          </button>
        )}
        {(gone || replaced) && (
          <button type="button" onClick={onCopy}>
            Copy my edit
          </button>
        )}
        {(gone || replaced) && (
          <button type="button" onClick={onReload}>
            Reload (discard my edit)
          </button>
        )}
        <button type="button" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
    </div>
  );
}
