import { describe, expect, it } from 'vitest';
import { initialView, nextView } from './sessionState';
import { sentinelProfile, standaloneProfile } from './testSupport/sessionTestbed';

describe('session views', () => {
  const profile = standaloneProfile({ host: 'redis.local', port: 6379, db: 2, name: 'Cache' });

  it('starts connecting on the profile db; replica-role sessions are read-only', () => {
    expect(initialView('s1', 'p1', profile)).toEqual({
      id: 's1',
      profileId: 'p1',
      profileName: 'Cache',
      kind: 'standalone',
      readOnly: false,
      db: 2,
      state: 'connecting',
    });
    const replica = sentinelProfile({ sentinels: [{ host: 'h', port: 1 }], masterName: 'm', role: 'replica' });
    expect(initialView('s2', 'p2', replica).readOnly).toBe(true);
  });

  it('keeps attempt and error only while they describe the state, and the address while reconnecting', () => {
    const ready = nextView(initialView('s1', 'p1', profile), { state: 'ready', address: 'redis.local:6379' });
    const error = { code: 'CONNECTION_REFUSED' as const, message: 'refused' };
    const reconnecting = nextView(ready, { state: 'reconnecting', attempt: 3, error });
    expect(reconnecting).toMatchObject({ state: 'reconnecting', attempt: 3, error, address: 'redis.local:6379' });
    const again = nextView(reconnecting, { state: 'ready', address: 'redis.local:6379' });
    expect(again).not.toHaveProperty('attempt');
    expect(again).not.toHaveProperty('error');
    expect(nextView(again, { state: 'db', db: 5 })).toMatchObject({ state: 'ready', db: 5 });
    expect(nextView(reconnecting, { state: 'failed', error })).not.toHaveProperty('attempt');
  });

  it('says "no master" only while reconnecting without one', () => {
    const error = { code: 'NO_MASTER' as const, message: 'no master' };
    const ready = nextView(initialView('s1', 'p1', profile), { state: 'ready', address: 'a:1' });
    const lost = nextView(ready, { state: 'reconnecting', attempt: 1, error });
    expect(lost).not.toHaveProperty('noMaster');
    const none = nextView(lost, { state: 'reconnecting', attempt: 2, error, noMaster: true });
    expect(none).toMatchObject({ state: 'reconnecting', noMaster: true });
    expect(nextView(none, { state: 'ready', address: 'b:2' })).not.toHaveProperty('noMaster');
  });

  it('keeps saying a server is a cluster node through reconnects', () => {
    const error = { code: 'CONNECTION_REFUSED' as const, message: 'refused' };
    const ready = nextView(initialView('s1', 'p1', profile), { state: 'ready', address: 'a:1', clusterNode: true });
    const lost = nextView(ready, { state: 'reconnecting', attempt: 1, error });
    expect(nextView(lost, { state: 'ready', address: 'a:1' })).toMatchObject({ clusterNode: true });
    expect(
      nextView(initialView('s2', 'p1', profile), { state: 'ready', address: 'a:1', clusterNode: false }),
    ).not.toHaveProperty('clusterNode');
  });
});
