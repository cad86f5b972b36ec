import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TopologySnapshot } from '../../../shared/api/topology';
import { startSentinelTopology, waitFor, type SentinelTopology } from '../localRedis/testSupport';
import { address, profileFor, topologyTestbed } from './testSupport/topologyTestbed';

// Issue #12: right after a manual failover the view was stale twice over. For ~2 s after the
// session reconnected, the new master's card read "disconnected" / "unreachable" (and the badge
// "Master down") beside the green "Reconnected" banner; and when Sentinel turned the old master
// into a replica (~10 s later) it was drawn "unreachable · link down" with the badge "Degraded"
// while it was up and following the new master.
let topo: SentinelTopology;
const bed = topologyTestbed();

beforeAll(async () => {
  topo = await startSentinelTopology({
    replicas: 2,
    downAfterMs: 1000,
    failoverTimeoutMs: 5000,
    dataPassword: 'data-pw',
    sentinelPassword: 'sentinel-pw',
  });
  bed.profiles.set('rw', profileFor(topo));
});
afterAll(async () => {
  await bed.dispose();
  await topo?.stop();
});

const masterWords = (s: TopologySnapshot) =>
  `health ${s.health}, master ${s.master?.address} reachable ${s.master?.reachable} flags ${s.master?.flags.raw.join(',')}`;

describe('the view after a manual failover', () => {
  it('shows the new master up once the session is on it, and the demoted master as the replica it is', async () => {
    const session = await bed.manager.open('rw');
    const { watchId } = await bed.service.watch({ sessionId: session.id });
    await bed.untilSnapshot('a healthy deployment', (s) => s.health === 'healthy');
    const from = address(topo.master);

    await bed.service.failover(watchId);
    const completed = await bed.untilAlert('failover-completed');
    const to = completed.address!;
    await waitFor(
      async () => bed.manager.view(session.id).state === 'ready' && bed.manager.view(session.id).address === to,
      { timeoutMs: 20_000, what: 'the session on the new master' },
    );
    const sessionReady = bed.pushed.snapshots.length;

    // Sentinel turns the old master into a replica of the new one (+convert-to-slave, after ~10 s).
    const converted = await waitFor(
      async () => bed.pushed.events.find((e) => e.channel === '+convert-to-slave' && e.instance?.address === from),
      { timeoutMs: 45_000, what: 'Sentinel to reconfigure the old master' },
    );
    const convertedAt = bed.pushed.snapshots.length;
    const following = await bed.untilSnapshot(
      'the old master shown following the new one',
      (s) =>
        s.replicas.some(
          (r) => r.address === from && r.replication?.role === 'replica' && r.replication.linkStatus === 'up',
        ),
      30_000,
    );
    const followingAt = bed.pushed.snapshots.lastIndexOf(following);

    // From the session's "Reconnected" on, the new master is never shown down or cut off.
    const afterReady = bed.pushed.snapshots.slice(sessionReady).filter((s) => s.master?.address === to);
    expect(afterReady.length).toBeGreaterThan(0);
    for (const s of afterReady) {
      expect(s.master?.reachable, masterWords(s)).toBe(true);
      expect(s.master?.flags.disconnected, masterWords(s)).toBe(false);
      expect(s.health, masterWords(s)).not.toBe('master-down');
    }
    // The demoted master's process stays up: it is never drawn unreachable once reconfigured…
    for (const s of bed.pushed.snapshots.slice(convertedAt)) {
      const old = s.replicas.find((r) => r.address === from);
      expect(old?.reachable, `${old?.address} ${old?.error ?? ''} (after ${converted.channel})`).toBe(true);
    }
    // …and as soon as it says it follows the new master, the deployment is healthy again.
    expect(following.health).toBe('healthy');
    expect(bed.pushed.snapshots.slice(followingAt).every((s) => s.health === 'healthy')).toBe(true);
  });
});
