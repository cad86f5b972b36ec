import { describe, expect, it } from 'vitest';
import { leakedSecrets, resultProblem, seedFor } from './testSupport/fuzzRun';
import { changesBetween, type RedisSnapshot } from './testSupport/redisSnapshot';
import { writeScope } from './testSupport/writeScope';

// The fuzz's own judges: a check that never fires proves nothing.
describe('fuzz checks', () => {
  it('flags answers that are not Results, carry unknown codes or INTERNAL, or cannot be sent as JSON', () => {
    expect(resultProblem({ ok: true, value: 1 })).toBeUndefined();
    expect(resultProblem({ ok: false, error: { code: 'NOT_FOUND', message: 'gone' } })).toBeUndefined();
    expect(resultProblem(undefined)).toMatch(/not a Result/);
    expect(resultProblem({ ok: false, error: { code: 'INTERNAL', message: 'boom' } })).toMatch(/INTERNAL/);
    expect(resultProblem({ ok: false, error: { code: 'NOPE', message: '' } })).toMatch(/unknown error code/);
    expect(resultProblem({ ok: true, value: 1n })).toMatch(/JSON/);
  });

  it('finds a secret in an answer unless the call itself sent it', () => {
    expect(leakedSecrets(['s3cret'], { id: 'x' }, { ok: true, value: { password: 's3cret' } })).toEqual(['s3cret']);
    expect(leakedSecrets(['s3cret'], { url: 'redis://:s3cret@h' }, { ok: true, value: 's3cret' })).toEqual([]);
  });

  it('sees created, changed and deleted keys, but not a key that expired', () => {
    const before: RedisSnapshot = new Map([
      ['0\u0000a', { value: 'string:1', expireAt: -1 }],
      ['0\u0000b', { value: 'string:1', expireAt: -1 }],
      ['1\u0000c', { value: 'hash:1', expireAt: 1_000 }],
      ['1\u0000d', { value: 'hash:1', expireAt: 9_000 }],
    ]);
    const after: RedisSnapshot = new Map([
      ['0\u0000a', { value: 'string:2', expireAt: -1 }],
      ['2\u0000e', { value: 'set:1', expireAt: -1 }],
    ]);
    expect(changesBetween(before, after, 5_000)).toEqual([
      { db: 0, key: 'a', what: 'changed' },
      { db: 0, key: 'b', what: 'deleted' },
      { db: 1, key: 'd', what: 'deleted' },
      { db: 2, key: 'e', what: 'created' },
    ]);
  });

  it('scopes each write to the keys it names', () => {
    expect(writeScope('keys.rename', { key: 'a', newKey: { base64: '/w==' } })('\u00ff')).toBe(true);
    expect(writeScope('keys.deleteFolder', { prefix: 'f:' })('f:1')).toBe(true);
    expect(writeScope('keys.deleteFolder', { prefix: 'f:' })('g:1')).toBe(false);
    expect(writeScope('values.string.upload', { key: 'k', uploadId: 'ab' })('redlens:upload:ab')).toBe(true);
    expect(writeScope('values.string.upload', { key: 'k', uploadId: 'ab' })('k')).toBe(false);
    expect(writeScope('keys.lookup', { key: 'k' })('k')).toBe(false);
  });

  it('gives each property its own fixed seed', () => {
    expect(seedFor('keys.delete')).toBe(seedFor('keys.delete'));
    expect(seedFor('keys.delete')).not.toBe(seedFor('keys.rename'));
  });
});
