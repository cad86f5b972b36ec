import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startSentinelTopology, waitFor, type SentinelTopology } from '../localRedis/testSupport';
import { testConnection } from './connectionTest';
import { PROBE_CONNECTION_NAME } from '../redis/probeConnection';
import type { SentinelProfile } from '../redis/redisOptions';
import { sentinelProfile, sessionTestbed, waitForNoClients, clientList } from './testSupport/sessionTestbed';

// One Sentinel deployment (1 master, 2 replicas, 3 sentinels) with a data password and a
// different sentinel password, shared by the tests below; the failover test runs last.
let topo: SentinelTopology;
let masterProfile: SentinelProfile;
const { manager, profiles, viewsOf } = sessionTestbed();
const address = (node: { host: string; port: number }) => `${node.host}:${node.port}`;

beforeAll(async () => {
  topo = await startSentinelTopology({ dataPassword: 'data-pw', sentinelPassword: 'sentinel-pw' });
  const base = {
    sentinels: topo.sentinelAddresses,
    masterName: topo.masterName,
    password: 'data-pw',
    sentinelPassword: 'sentinel-pw',
  };
  masterProfile = sentinelProfile({ ...base, name: 'Prod' });
  profiles.set('master', masterProfile);
  profiles.set('replica', sentinelProfile({ ...base, role: 'replica' }));
});
afterAll(async () => {
  await manager.closeAll();
  await topo?.stop();
});

describe('Sentinel connection test', () => {
  it('reports the master, 2 replicas and 3 of 3 sentinels, then the master itself', async () => {
    const report = await testConnection(profiles.get('master')!);
    expect(report).toMatchObject({
      address: address(topo.master),
      mode: 'standalone',
      role: 'master',
      tls: false,
      sentinel: {
        master: { host: '127.0.0.1', port: topo.master.port },
        replicas: 2,
        sentinels: 3,
        sentinelsReachable: 3,
      },
    });
    const probes = (c: Record<string, string>) => c['name'] === PROBE_CONNECTION_NAME;
    await waitForNoClients([...topo.sentinels, ...topo.dataNodes], probes, 'test connections to close');
  });

  it('counts only the sentinels that answered', async () => {
    const profile = masterProfile;
    const dead = { host: '127.0.0.1', port: await freePort() };
    const report = await testConnection({ ...profile, sentinels: [dead, ...topo.sentinelAddresses] });
    expect(report.sentinel).toMatchObject({ sentinels: 3, sentinelsReachable: 3 });
  });

  it('connects to a healthy replica for role replica', async () => {
    const report = await testConnection(profiles.get('replica')!);
    expect(topo.replicas.map(address)).toContain(report.address);
    expect(report.role).toBe('replica');
  });
});

describe('Sentinel sessions', () => {
  let masterSession: string;
  let replicaSession: string;

  it('opens on the master, read-write', async () => {
    const view = await manager.open('master');
    masterSession = view.id;
    expect(view).toMatchObject({ kind: 'sentinel', profileName: 'Prod', state: 'ready', readOnly: false });
    expect(view.address).toBe(address(topo.master));
    await manager.client(view.id).set('before', 'failover');
    expect((await manager.info(view.id)).role).toBe('master');
  });

  it('opens on a replica for role replica, read-only', async () => {
    const view = await manager.open('replica');
    replicaSession = view.id;
    expect(view).toMatchObject({ state: 'ready', readOnly: true });
    expect(topo.replicas.map(address)).toContain(view.address);
    expect((await manager.info(view.id)).role).toBe('replica');
  });

  it('follows the master through a failover, and the replica session stays on a replica', async () => {
    const { from, to } = await topo.failover();
    await waitFor(
      async () => manager.view(masterSession).state === 'ready' && manager.view(masterSession).address === address(to),
      {
        timeoutMs: 30_000,
        what: `the session to follow the master to ${address(to)}`,
      },
    );
    const states = viewsOf(masterSession).map((v) => v.state);
    expect(states.slice(states.indexOf('ready') + 1)).toContain('reconnecting');
    const client = manager.client(masterSession);
    expect(await client.get('before')).toBe('failover');
    await client.set('after', 'failover');
    expect((await manager.info(masterSession)).role).toBe('master');

    await waitFor(
      async () => {
        const view = manager.view(replicaSession);
        return (
          view.state === 'ready' &&
          view.address !== address(to) &&
          (await manager.info(replicaSession)).role === 'replica'
        );
      },
      { timeoutMs: 30_000, what: 'the replica session to be on a replica' },
    );
    expect(address(from)).not.toBe(address(to));
  });

  it('closes every connection it opened, on the data nodes and on the sentinels', async () => {
    const ids = manager.list().map((v) => v.id);
    expect(ids).toHaveLength(2);
    await manager.closeAll();
    expect(ids.map((id) => viewsOf(id).at(-1)?.state)).toEqual(['closed', 'closed']);
    await waitForNoClients(
      topo.dataNodes,
      (c) => ids.some((id) => c['name'] === `redlens:${id}`),
      'session connections to close',
    );
    // The failover detector's subscriptions are the only subscribed clients a sentinel has.
    await waitForNoClients(topo.sentinels, (c) => c['sub'] !== '0', 'failover detector connections to close');
    expect((await clientList(topo.sentinels[0]!)).length).toBeGreaterThan(0);
  });
});
