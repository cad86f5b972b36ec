import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSentinelTopology, waitFor, type SentinelTopology } from '../localRedis/testSupport';
import { addReplica, addSentinel, type ExtraNode } from './testSupport/extraNodes';
import { address, profileFor, topologyTestbed } from './testSupport/topologyTestbed';
import { alertText } from '../../../renderer/src/topology/alertText';

// Scenario 5: a replica goes down and comes back; a sentinel goes down and comes back. And
// nodes that join later (+slave, +sentinel) appear without a reload.
let topo: SentinelTopology;
const bed = topologyTestbed();
const extras: ExtraNode[] = [];

beforeAll(async () => {
  topo = await startSentinelTopology({ downAfterMs: 1000, failoverTimeoutMs: 5000 });
  bed.profiles.set('p', profileFor(topo));
  await bed.service.watch({ profileId: 'p' });
});
afterAll(async () => {
  await bed.dispose();
  await Promise.all(extras.map((e) => e.stop()));
  await topo?.stop();
});

describe('replicas and sentinels going down and up', () => {
  it('shows a replica down, then back in sync', async () => {
    const replica = topo.replicas[0]!;
    const at = address(replica);
    await replica.kill();
    const down = await bed.untilAlert('replica-down', (a) => a.address === at);
    expect({ ...down, text: alertText(down.message) }).toMatchObject({
      text: `Replica ${at} is down.`,
      severity: 'warning',
      key: `replica:${at}`,
    });
    const snapshot = await bed.untilSnapshot('the replica shown down', (s) =>
      s.replicas.some((r) => r.address === at && r.flags.sDown && !r.reachable),
    );
    expect(snapshot.health).toBe('degraded');
    expect(bed.latest()?.master?.address).toBe(address(topo.master));

    await replica.restart();
    const up = await bed.untilAlert('replica-up', (a) => a.address === at);
    expect({ ...up, text: alertText(up.message) }).toMatchObject({
      key: down.key,
      transient: true,
      text: `Replica ${at} is back up.`,
    });
    await bed.untilSnapshot('the replica in sync again', (s) =>
      s.replicas.some((r) => r.address === at && !r.flags.sDown && r.reachable && r.replication?.linkStatus === 'up'),
    );
  });

  it('shows a sentinel down, then back (and subscribed again)', async () => {
    const sentinel = topo.sentinels[1]!;
    const at = address(sentinel);
    await sentinel.kill();
    const down = await bed.untilAlert('sentinel-down', (a) => a.address === at);
    expect(alertText(down.message)).toMatch(new RegExp(`^Sentinel ${at} is down: `));
    await bed.untilSnapshot('the sentinel shown down', (s) =>
      s.sentinels.some((x) => x.address === at && !x.reachable && !x.subscribed),
    );
    await sentinel.restart();
    await bed.untilAlert('sentinel-up', (a) => a.address === at);
    await bed.untilSnapshot('the sentinel reachable and subscribed', (s) =>
      s.sentinels.some((x) => x.address === at && x.reachable && x.subscribed && x.flags.length === 0),
    );
  });

  it('picks up a replica and a sentinel that join later', async () => {
    const master = await topo.currentMaster();
    const replica = await addReplica(topo, master);
    const sentinel = await addSentinel(topo, master);
    extras.push(replica, sentinel);
    const snapshot = await bed.untilSnapshot(
      'the new replica and sentinel',
      (s) =>
        s.replicas.some((r) => r.address === address(replica.node) && r.replication?.linkStatus === 'up') &&
        s.sentinels.some((x) => x.address === address(sentinel.node) && x.reachable && x.subscribed && !x.configured),
    );
    expect(snapshot.sentinels).toHaveLength(4);
    expect(snapshot.majority).toBe(3);
    // The other sentinels announce them too (a replica is noticed at their next INFO, ≤ 10 s).
    for (const [channel, node] of [
      ['+slave', replica.node],
      ['+sentinel', sentinel.node],
    ] as const) {
      await waitFor(
        async () => bed.pushed.events.some((e) => e.channel === channel && e.instance?.address === address(node)),
        {
          timeoutMs: 20_000,
          what: `${channel} for ${address(node)}`,
        },
      );
    }
  });
});
