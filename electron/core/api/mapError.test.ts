import { describe, expect, it } from 'vitest';
import { ApiFailure } from './apiFailure';
import { mapError } from './mapError';

const replyError = (message: string) => Object.assign(new Error(message), { name: 'ReplyError' });
const sysError = (code: string, message = code) => Object.assign(new Error(message), { code });

describe('mapError', () => {
  it.each([
    [sysError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:1'), 'CONNECTION_REFUSED'],
    [sysError('ENOTFOUND'), 'HOST_NOT_FOUND'],
    [sysError('ETIMEDOUT'), 'TIMEOUT'],
    [sysError('ECONNRESET'), 'CONNECTION_LOST'],
    [new Error('Command timed out'), 'TIMEOUT'],
    [new Error('Connection is closed.'), 'CONNECTION_LOST'],
    [replyError('WRONGPASS invalid username-password pair or user is disabled.'), 'AUTH_FAILED'],
    [replyError('ERR invalid password'), 'AUTH_FAILED'],
    [replyError('NOAUTH Authentication required.'), 'AUTH_REQUIRED'],
    [replyError('OOM command not allowed when used memory > maxmemory'), 'REDIS_ERROR'],
    [new TypeError('x is undefined'), 'INTERNAL'],
    ['a string', 'INTERNAL'],
  ] as const)('%s → %s', (error, code) => {
    expect(mapError(error, '127.0.0.1:6379').code).toBe(code);
  });

  it('names the place in actionable messages', () => {
    expect(mapError(sysError('ECONNREFUSED'), '10.0.0.5:6380').message).toContain('10.0.0.5:6380');
    expect(mapError(sysError('ENOTFOUND'), 'redis.internal:6379').message).toContain('redis.internal');
  });

  it('keeps the reply word of other Redis errors', () => {
    expect(mapError(replyError("READONLY You can't write against a read only replica.")).details).toEqual({
      reply: 'READONLY',
    });
  });

  it('passes ApiFailure through unchanged', () => {
    expect(mapError(new ApiFailure('VALUE_TOO_LARGE', 'big', { size: 5, max: 4 }))).toEqual({
      code: 'VALUE_TOO_LARGE',
      message: 'big',
      details: { size: 5, max: 4 },
    });
  });
});
