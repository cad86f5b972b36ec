import { describe, expect, it } from 'vitest';
import { mapError } from '../api/mapError';
import { clusterRedirect, crossSlot } from './clusterRefusal';

const replyError = (message: string, extra: object = {}) =>
  Object.assign(new Error(message), { name: 'ReplyError' }, extra);

describe('clusterRedirect', () => {
  it.each([
    ['MOVED 14429 127.0.0.1:17002', { redirect: 'moved', slot: 14429, node: '127.0.0.1:17002' }],
    ['ASK 3999 10.0.0.7:6381', { redirect: 'ask', slot: 3999, node: '10.0.0.7:6381' }],
    ['MOVED 0 ::1:7001', { redirect: 'moved', slot: 0, node: '[::1]:7001' }],
    ['MOVED 12 cache-2.internal:6379', { redirect: 'moved', slot: 12, node: 'cache-2.internal:6379' }],
    ['MOVED 12 :6380', { redirect: 'moved', slot: 12, node: ':6380' }],
  ])('%s', (reply, details) => {
    expect(clusterRedirect(reply)).toMatchObject({ code: 'CLUSTER_REDIRECT', details: { ...details, reply } });
  });

  it('leaves other replies alone', () => {
    for (const reply of ['MOVEDX 1 a:1', 'ERR MOVED 1 a:1', 'MOVED abc a:1', 'CROSSSLOT Keys']) {
      expect(clusterRedirect(reply)).toBeUndefined();
    }
  });

  it('explains CROSSSLOT only', () => {
    expect(crossSlot("CROSSSLOT Keys in request don't hash to the same slot")).toMatchObject({
      code: 'CLUSTER_CROSSSLOT',
    });
    expect(crossSlot('ERR CROSSSLOT')).toBeUndefined();
  });

  it('is what mapError makes of a MOVED reply, also one refused while a MULTI was queued', () => {
    expect(mapError(replyError('MOVED 5 127.0.0.1:7000')).code).toBe('CLUSTER_REDIRECT');
    const aborted = replyError('EXECABORT Transaction discarded because of previous errors.', {
      previousErrors: [replyError('MOVED 5 127.0.0.1:7000')],
    });
    expect(mapError(aborted)).toMatchObject({ code: 'CLUSTER_REDIRECT', details: { slot: 5 } });
  });
});
