import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FailoverRecord } from '../../../shared/api/topology';
import { startSentinelTopology, type RedisNode, type SentinelTopology } from '../localRedis/testSupport';
import { address, profileFor, topologyTestbed } from './testSupport/topologyTestbed';
import { alertText } from '../../../renderer/src/topology/alertText';
import { failoverReasonText } from '../../../renderer/src/topology/failoverReasonText';

// Issue #12 (found by the failover soak): when Sentinel gives a failover attempt up while the
// master stays down (-failover-abort-no-good-slave), it tries again a few seconds later. The
// timeline recorded one outage as two incidents — an aborted one, and a second one starting
// from a poll that still saw the master down. One outage is one incident: the aborted attempt
// is kept in it. Deterministic: every replica has priority 0 (never promoted) until the first
// attempt is aborted; then one may be promoted.
let topo: SentinelTopology;
const bed = topologyTestbed();

const setPriority = async (node: RedisNode, priority: number) => {
  const client = await node.client();
  await client.config('SET', 'replica-priority', String(priority));
  client.disconnect();
};

beforeAll(async () => {
  topo = await startSentinelTopology({ replicas: 2, downAfterMs: 1000, failoverTimeoutMs: 3000 });
  bed.profiles.set('rw', profileFor(topo));
});
afterAll(async () => {
  await bed.dispose();
  await topo?.stop();
});

describe('a failover Sentinel gives up once, then completes', () => {
  it('is one incident, with the aborted attempt in it', async () => {
    const session = await bed.manager.open('rw');
    const { watchId } = await bed.service.watch({ sessionId: session.id });
    for (const replica of topo.replicas) await setPriority(replica, 0);
    await bed.untilSnapshot(
      'the sentinels to see no replica fit for promotion',
      (s) => s.health === 'healthy' && s.replicas.length === 2 && s.replicas.every((r) => r.priority === 0),
      40_000,
    );
    const from = address(topo.master);

    await topo.master.kill();
    const aborted = await bed.untilAlert('failover-aborted');
    expect(alertText(aborted.message)).toMatch(/no replica is fit/);
    const chosen = topo.replicas[0]!;
    await setPriority(chosen, 100);
    const completed = await bed.untilAlert('failover-completed', () => true, 60_000);
    expect(completed.failoverId).toBe(aborted.failoverId);
    // Another sentinel may have been running its own attempt of that epoch (it gives up, not
    // elected): a second attempt given up, in the same incident.
    expect(alertText(completed.message)).toMatch(/ \(after \d aborted attempts?\)\.$/);

    const timeline = bed.service.timeline(watchId);
    expect(timeline.failovers).toHaveLength(1);
    const incident = timeline.failovers[0]!;
    expect(incident).toMatchObject({ manual: false, from, to: address(chosen), outcome: 'completed' });
    expect(incident.attempts?.length).toBeGreaterThanOrEqual(1);
    expect(failoverReasonText(incident.attempts![0]!.reason!)).toMatch(/no replica is fit/);
    expect(incident.epoch).toBeGreaterThan(incident.attempts!.at(-1)!.epoch!);
    const phases = incident.phases.map((p) => p.phase);
    expect(phases.slice(0, 3)).toEqual(['sdown', 'odown', 'try-failover']);
    expect(phases).toContain('switch-master');
    expect(incident.phases.find((p) => p.phase === 'try-failover')!.at).toBeGreaterThan(incident.attempts![0]!.at);

    const exported = JSON.parse(bed.service.exportTimeline(watchId).json) as { failovers: FailoverRecord[] };
    expect(exported.failovers.map((f) => [f.id, f.outcome, f.attempts?.length])).toEqual([
      [incident.id, 'completed', incident.attempts!.length],
    ]);
  });
});
