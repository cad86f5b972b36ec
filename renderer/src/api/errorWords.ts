import type { ApiError } from '../../../shared/api/errors';
import type { Result } from '../../../shared/api/result';
import { clusterRedirectText, crossSlotText } from './clusterWords';

/**
 * Errors whose words the renderer composes from core's code and parameters. Applied to every
 * result as it arrives, so each screen that shows `error.message` shows these words.
 */
export function withWords<T>(result: Result<T>): Result<T> {
  if (result.ok) return result;
  const message = composedMessage(result.error);
  return message === undefined ? result : { ok: false, error: { ...result.error, message } };
}

function composedMessage(error: ApiError): string | undefined {
  return clusterRedirectText(error) ?? crossSlotText(error);
}
