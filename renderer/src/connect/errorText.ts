import type { ErrorCode } from '../../../shared/api/errors';

/** A short title per error code; the message from core carries the specifics. */
export const ERROR_TITLES: Record<ErrorCode, string> = {
  VALIDATION_FAILED: 'Invalid input',
  UNKNOWN_METHOD: 'Not supported',
  CONNECTION_REFUSED: 'Connection refused',
  HOST_NOT_FOUND: 'Host not found',
  TIMEOUT: 'Timed out',
  AUTH_FAILED: 'Wrong username or password',
  AUTH_REQUIRED: 'Password required',
  CONNECTION_LOST: 'Connection lost',
  REDIS_ERROR: 'Redis error',
  HOST_UNAVAILABLE: 'Redlens host unavailable',
  INTERNAL: 'Unexpected error',
};
