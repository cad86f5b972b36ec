import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startSentinelTopology, waitFor, type SentinelTopology } from '../localRedis/testSupport';
import type { ResolvedProfile } from '../profiles/resolvedProfile';
import { testConnection } from './connectionTest';
import { connectionsReceived, expectFailure, sentinelProfile, sessionTestbed } from './testSupport/sessionTestbed';

// Every way a Sentinel profile can be wrong, against a real deployment (1 master, 1 replica,
// 2 sentinels; data password and a different sentinel password), plus one without replicas.
let topo: SentinelTopology;
let lonely: SentinelTopology;
const { manager, profiles, viewsOf } = sessionTestbed();

beforeAll(async () => {
  [topo, lonely] = await Promise.all([
    startSentinelTopology({
      replicas: 1,
      sentinels: 2,
      quorum: 1,
      dataPassword: 'data-pw',
      sentinelPassword: 'sentinel-pw',
    }),
    startSentinelTopology({ replicas: 0, sentinels: 1, quorum: 1 }),
  ]);
  const good = {
    sentinels: topo.sentinelAddresses,
    masterName: 'mymaster',
    password: 'data-pw',
    sentinelPassword: 'sentinel-pw',
  };
  profiles.set('good', sentinelProfile(good));
  profiles.set('wrong-data-pw', sentinelProfile({ ...good, password: 'nope' }));
  profiles.set('wrong-sentinel-pw', sentinelProfile({ ...good, sentinelPassword: 'nope' }));
  profiles.set('no-sentinel-pw', sentinelProfile({ ...good, sentinelPassword: undefined }));
  profiles.set('unknown-master', sentinelProfile({ ...good, masterName: 'nope' }));
  const nowhere = [
    { host: '127.0.0.1', port: await freePort() },
    { host: '127.0.0.1', port: await freePort() },
  ];
  profiles.set('nowhere', sentinelProfile({ ...good, sentinels: nowhere }));
  profiles.set(
    'no-replica',
    sentinelProfile({ sentinels: lonely.sentinelAddresses, masterName: 'mymaster', role: 'replica' }),
  );
});
afterAll(async () => {
  await manager.closeAll();
  await Promise.all([topo?.stop(), lonely?.stop()]);
});

/** The same failure from the connection test and from opening a session. */
async function bothFail(id: string, code: Parameters<typeof expectFailure>[1]): Promise<string[]> {
  const profile: ResolvedProfile = profiles.get(id)!;
  const tested = await expectFailure(testConnection(profile), code);
  const opened = await expectFailure(manager.open(id), code);
  expect(viewsOf(id).map((v) => v.state)).toEqual(['connecting', 'failed']);
  return [tested.message, opened.message];
}

describe('Sentinel profile errors', () => {
  it('AUTH_FAILED for the data password names the data node, once, without a retry loop', async () => {
    const before = await connectionsReceived(topo.master);
    for (const message of await bothFail('wrong-data-pw', 'AUTH_FAILED')) {
      expect(message).toContain(`Data node ${topo.master.address} rejected the data-node username or password`);
    }
    // Its own probe, the connection test's one attempt, and the session's one attempt.
    expect((await connectionsReceived(topo.master)) - before).toBe(3);
  });

  it('AUTH_FAILED / AUTH_REQUIRED for the sentinel password names the sentinels', async () => {
    for (const message of await bothFail('wrong-sentinel-pw', 'AUTH_FAILED')) {
      expect(message).toContain(`Sentinel ${topo.sentinels[0]!.address} rejected the sentinel username or password`);
      expect(message).toContain(topo.sentinels[1]!.address);
    }
    for (const message of await bothFail('no-sentinel-pw', 'AUTH_REQUIRED')) {
      expect(message).toContain('set the sentinel password');
    }
  });

  it('UNKNOWN_MASTER when the sentinels answer but do not monitor the name, and says what they monitor', async () => {
    for (const message of await bothFail('unknown-master', 'UNKNOWN_MASTER')) {
      expect(message).toMatch(/none monitors a master named "nope"\. They monitor: mymaster\./);
    }
  });

  it('NO_SENTINEL_REACHABLE lists every sentinel with its error', async () => {
    const failure = await expectFailure(testConnection(profiles.get('nowhere')!), 'NO_SENTINEL_REACHABLE');
    const { sentinels } = failure.details!;
    expect(sentinels.map((s) => s.code)).toEqual(['CONNECTION_REFUSED', 'CONNECTION_REFUSED']);
    for (const { address } of sentinels) expect(failure.message).toContain(address);
    await expectFailure(manager.open('nowhere'), 'NO_SENTINEL_REACHABLE');
  });

  it('NO_REPLICA for role replica when the master has none', async () => {
    for (const message of await bothFail('no-replica', 'NO_REPLICA')) expect(message).toContain('has no replica');
  });
});

describe('a session while its sentinels are down', () => {
  it('keeps reconnecting, says no sentinel answers, and is ready again when they are back', async () => {
    const { id } = await manager.open('good');
    await Promise.all(topo.sentinels.map((s) => s.kill()));
    const admin = await topo.master.client();
    await admin.client('KILL', 'TYPE', 'normal', 'SKIPME', 'yes');
    admin.disconnect();
    await waitFor(async () => viewsOf(id).at(-1)?.error?.code === 'NO_SENTINEL_REACHABLE', {
      timeoutMs: 10_000,
      what: 'the session to report that no sentinel answers',
    });
    const view = manager.view(id);
    expect(view.state).toBe('reconnecting');
    for (const s of topo.sentinels) expect(view.error?.message).toContain(s.address);

    await Promise.all(topo.sentinels.map((s) => s.restart()));
    await waitFor(async () => manager.view(id).state === 'ready', {
      timeoutMs: 15_000,
      what: 'the session to be ready again',
    });
    expect(manager.view(id).address).toBe(topo.master.address);
    await manager.close(id);
  });
});
