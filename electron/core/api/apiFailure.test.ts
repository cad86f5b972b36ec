import { describe, expect, it } from 'vitest';
import { ApiFailure } from './apiFailure';

describe('ApiFailure', () => {
  it('sends its code’s details as they are, and none when it has none', () => {
    expect(new ApiFailure('WRONGTYPE', 'm', { type: 'list' }).toApiError()).toEqual({
      code: 'WRONGTYPE',
      message: 'm',
      details: { type: 'list' },
    });
    expect(new ApiFailure('TIMEOUT', 'm').toApiError()).toEqual({ code: 'TIMEOUT', message: 'm' });
  });

  it('does not compile details of another code', () => {
    // @ts-expect-error DB_CHANGED details are `{ db, current }`
    expect(new ApiFailure('DB_CHANGED', 'm', { db: 1 }).code).toBe('DB_CHANGED');
    // @ts-expect-error TIMEOUT carries no details
    expect(new ApiFailure('TIMEOUT', 'm', { ms: 5 }).code).toBe('TIMEOUT');
  });
});
