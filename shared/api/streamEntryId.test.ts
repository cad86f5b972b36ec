import { describe, expect, it } from 'vitest';
import { API } from './methods';

// `after` is sent to XRANGE as is: an id Redis cannot read is refused by the contract, not by
// Redis (which answered REDIS_ERROR "Invalid stream ID" — found by the dispatch fuzz).
const parse = (after: string) =>
  API['values.stream.range'].input.safeParse({ sessionId: 's1', db: 0, key: 'k', after });

describe('values.stream.range `after`', () => {
  it.each(['0-0', '1700000000000-0', '18446744073709551615-18446744073709551615'])('accepts %s', (after) => {
    expect(parse(after).success).toBe(true);
  });

  it.each([
    '18446744073709551616-0',
    '1-18446744073709551616',
    '1-99999999999999999999',
    `${'1'.repeat(21)}-0`,
    '1-',
    '-1',
    // Not ids at all: refused, never a throw out of the schema (dispatch would reject, not answer).
    'x-y',
    '/dev/null',
    '1.5-2',
  ])('refuses %s', (after) => {
    expect(parse(after).success).toBe(false);
  });
});
