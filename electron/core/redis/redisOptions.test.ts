import { describe, expect, it } from 'vitest';
import { sessionOptions } from './redisOptions';
import { sentinelProfile, standaloneProfile } from '../sessions/testSupport/sessionTestbed';

const hooks = { connectionName: 'redlens:s1', retryStrategy: () => 200, sentinelRetryStrategy: () => 200 };

describe('sessionOptions', () => {
  it('standalone: address, data credentials, db, a name, no offline queue, no re-sent commands', () => {
    const profile = standaloneProfile({ host: 'cache.internal', port: 6380, username: 'app', password: 'pw', db: 3 });
    const options = sessionOptions(profile, { rejectUnauthorized: true }, hooks);
    expect(options).toMatchObject({
      host: 'cache.internal',
      port: 6380,
      username: 'app',
      password: 'pw',
      db: 3,
      connectionName: 'redlens:s1',
      enableOfflineQueue: false,
      autoResendUnfulfilledCommands: false,
      tls: { rejectUnauthorized: true, servername: 'cache.internal' },
    });
    expect(options.sentinels).toBeUndefined();
  });

  it('Sentinel: master name, role, separate sentinel credentials, failover detection, TLS everywhere', () => {
    const profile = sentinelProfile({
      sentinels: [{ host: '10.0.0.1', port: 26379 }],
      masterName: 'cache',
      role: 'replica',
      password: 'data',
      sentinelUsername: 'watcher',
      sentinelPassword: 'sentinel',
    });
    const options = sessionOptions(profile, { rejectUnauthorized: true }, hooks);
    expect(options).toMatchObject({
      sentinels: [{ host: '10.0.0.1', port: 26379 }],
      name: 'cache',
      role: 'slave',
      password: 'data',
      sentinelUsername: 'watcher',
      sentinelPassword: 'sentinel',
      failoverDetector: false,
      enableTLSForSentinelMode: true,
      tls: { rejectUnauthorized: true },
      sentinelTLS: { rejectUnauthorized: true },
    });
    // Each node announced by Sentinel is verified against its own address.
    expect(options.tls?.servername).toBeUndefined();
    expect(options.sentinelRetryStrategy).toBe(hooks.sentinelRetryStrategy);
    expect(sessionOptions({ ...profile, role: 'master' }, undefined, hooks)).toMatchObject({
      role: 'master',
      tls: undefined,
    });
  });
});
