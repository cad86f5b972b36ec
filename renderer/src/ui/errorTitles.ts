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
  NOT_FOUND: 'Not found',
  UNKNOWN_MASTER: 'Unknown master name',
  NO_SENTINEL_REACHABLE: 'No sentinel reachable',
  NO_REPLICA: 'No healthy replica',
  TLS_FAILED: 'TLS failed',
  STORAGE_ERROR: 'Cannot save connections',
  SECRETS_UNAVAILABLE: 'Passwords cannot be stored securely',
  KEY_EXISTS: 'Key already exists',
  READ_ONLY: 'Read-only',
  HOST_UNAVAILABLE: 'Redlens host unavailable',
  INTERNAL: 'Unexpected error',
};
