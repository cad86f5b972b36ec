import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSentinelTopology, waitFor, type SentinelTopology } from '../localRedis/testSupport';
import { sentinelProfile, sessionTestbed } from './testSupport/sessionTestbed';

// Sessions follow failovers on their own (their SwitchListener), without a topology watcher:
// a master session moves to the promoted replica; a replica session browsing the replica that
// gets promoted moves to another replica.
let topo: SentinelTopology;
const { manager, profiles } = sessionTestbed();
const address = (node: { host: string; port: number }) => `${node.host}:${node.port}`;

beforeAll(async () => {
  topo = await startSentinelTopology({ downAfterMs: 1000, failoverTimeoutMs: 5000 });
  const base = { sentinels: topo.sentinelAddresses, masterName: topo.masterName };
  profiles.set('master', sentinelProfile(base));
  profiles.set('replica', sentinelProfile({ ...base, role: 'replica' }));
});
afterAll(async () => {
  await manager.closeAll();
  await topo?.stop();
});

describe('following a failover', () => {
  it('moves the master session to the new master and the replica session off it', async () => {
    const master = await manager.open('master');
    const replica = await manager.open('replica');
    const browsed = replica.address!;
    // Make the browsed replica the one Sentinel promotes (lowest replica-priority wins).
    for (const node of topo.replicas) {
      const client = await node.client();
      await client.config('SET', 'replica-priority', address(node) === browsed ? '1' : '100');
      client.disconnect();
    }
    const { to } = await topo.failover();
    expect(address(to)).toBe(browsed);

    await waitFor(
      async () => manager.view(master.id).state === 'ready' && manager.view(master.id).address === browsed,
      {
        timeoutMs: 20_000,
        what: 'the master session on the promoted replica',
      },
    );
    await manager.client(master.id).set('k', 'v');
    await waitFor(
      async () => {
        const view = manager.view(replica.id);
        return (
          view.state === 'ready' && view.address !== browsed && (await manager.info(replica.id)).role === 'replica'
        );
      },
      { timeoutMs: 30_000, what: 'the replica session on a replica again' },
    );
  });
});
