import { describe, expect, it } from 'vitest';
import type { ApiError } from './errors';

/**
 * `details` is typed per code: narrowing on `code` gives the details type, and reading a field
 * another code's details have does not compile (checked by `npm run typecheck`).
 */
function detailsOf(error: ApiError): unknown {
  switch (error.code) {
    case 'CONFLICT':
      return error.details?.current.version;
    case 'WRONGTYPE':
      return error.details?.type;
    case 'DB_CHANGED':
      return error.details && error.details.db + error.details.current;
    case 'CLUSTER_REDIRECT':
      return error.details?.slot;
    case 'KEY_EXISTS':
      return error.details?.existing.length;
    case 'CONNECTION_LOST':
      return error.details?.applied;
    case 'VALIDATION_FAILED':
      return Array.isArray(error.details) ? error.details.map((issue) => issue.message) : error.details;
    case 'AUTH_FAILED':
      return error.details?.node;
    case 'READ_ONLY':
      return error.details && 'reason' in error.details ? error.details.profileName : error.details?.reply;
    case 'TOO_MANY_CALLS':
      // @ts-expect-error TOO_MANY_CALLS details have `limit`, not `type`
      return error.details?.type;
    case 'TIMEOUT':
      // @ts-expect-error TIMEOUT carries no details
      return error.details?.reply;
    default:
      return undefined;
  }
}

describe('ApiError', () => {
  it('is a union keyed by code', () => {
    expect(detailsOf({ code: 'WRONGTYPE', message: 'm', details: { type: 'list' } })).toBe('list');
    expect(detailsOf({ code: 'DB_CHANGED', message: 'm', details: { db: 1, current: 2 } })).toBe(3);
    // @ts-expect-error WRONGTYPE details are `{ type }`
    const wrong: ApiError = { code: 'WRONGTYPE', message: 'm', details: { current: 1 } };
    expect(wrong.code).toBe('WRONGTYPE');
  });
});
