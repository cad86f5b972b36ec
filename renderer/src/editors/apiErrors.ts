import type { ApiError } from '../../../shared/api/errors';
import { sessionGoneText } from '../sessions/sessionGoneText';
import { titledError } from '../ui/errorTitles';

/** "Changed on the server: The value of … changed since it was loaded." */
export const errorText = (error: ApiError): string => sessionGoneText(error) ?? titledError(error);

/** Errors after which trying the same write again can succeed (the link or the server recovers). */
export const RETRYABLE = new Set<ApiError['code']>([
  'CONNECTION_LOST',
  'CONNECTION_REFUSED',
  'TIMEOUT',
  'NO_MASTER',
  'HOST_UNAVAILABLE',
  'OOM',
  'READ_ONLY',
  'REDIS_ERROR',
  'INTERNAL',
]);
