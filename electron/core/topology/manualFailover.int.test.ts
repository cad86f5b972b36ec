import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiFailure } from '../api/apiFailure';
import { startSentinelTopology, waitFor, type SentinelTopology } from '../localRedis/testSupport';
import { address, profileFor, topologyTestbed } from './testSupport/topologyTestbed';
import { alertText } from '../../../renderer/src/topology/alertText';

// Scenario 2: a failover asked for through the API (SENTINEL FAILOVER), refused on read-only
// profiles; the timeline marks it manual and the data session moves to the new master.
let topo: SentinelTopology;
const bed = topologyTestbed();

beforeAll(async () => {
  topo = await startSentinelTopology({ downAfterMs: 1000, failoverTimeoutMs: 5000 });
  bed.profiles.set('rw', profileFor(topo));
  bed.profiles.set('ro', profileFor(topo, { readOnly: true }));
});
afterAll(async () => {
  await bed.dispose();
  await topo?.stop();
});

describe('manual failover', () => {
  it('is refused on a read-only profile, and nothing happens', async () => {
    const { watchId, readOnly } = await bed.service.watch({ profileId: 'ro' });
    expect(readOnly).toBe(true);
    const refused = await bed.service.failover(watchId).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiFailure);
    expect(refused).toMatchObject({ code: 'READ_ONLY' });
    expect(bed.service.timeline(watchId).failovers).toEqual([]);
    bed.service.unwatch(watchId);
  });

  it('promotes a replica, marked manual, and the session follows', async () => {
    const session = await bed.manager.open('rw');
    const { watchId } = await bed.service.watch({ sessionId: session.id });
    const from = address(topo.master);
    const requested = await bed.service.failover(watchId);
    expect(requested).toMatchObject({ masterName: 'mymaster' });
    expect(topo.sentinels.map(address)).toContain(requested.sentinel);

    const completed = await bed.untilAlert('failover-completed');
    const to = completed.address!;
    expect(alertText(completed.message)).toMatch(new RegExp(`^New master: ${to} \\(was ${from}\\)`));
    const record = bed.service.timeline(watchId).failovers.at(-1)!;
    expect(record).toMatchObject({ manual: true, from, to, outcome: 'completed' });
    expect(record.phases[0]?.phase).toBe('try-failover');
    expect(record.phases.map((p) => p.phase)).not.toContain('sdown');
    expect(alertText(bed.alertsOf('failover-started')[0]!.message)).toMatch(
      /^Manual failover of "mymaster" in progress/,
    );

    await waitFor(
      async () => bed.manager.view(session.id).state === 'ready' && bed.manager.view(session.id).address === to,
      {
        timeoutMs: 20_000,
        what: 'the session on the new master',
      },
    );
    await bed.manager.client(session.id).set('after', 'manual failover');
    // The old master, alive, is reconfigured as a replica of the new one.
    await bed.untilSnapshot(
      'the old master to follow the new one',
      (s) =>
        s.master?.address === to && s.replicas.some((r) => r.address === from && r.replication?.masterAddress === to),
      45_000,
    );
    const final = await bed.untilSnapshot(
      'the failover to be over',
      (s) => s.failover === null && s.health === 'healthy',
    );
    expect(final.sentinels.every((s) => s.agrees)).toBe(true);
    expect(bed.service.timeline(watchId).failovers.at(-1)?.phases.at(-1)?.phase).toBe('end');
  });

  it('reports a refusal by the sentinels (failover already running) with their reason', async () => {
    const [watch] = [await bed.service.watch({ profileId: 'rw' })];
    await bed.service.failover(watch.watchId);
    const second = await bed.service.failover(watch.watchId).catch((e: unknown) => e);
    expect(second).toMatchObject({ code: 'REDIS_ERROR' });
    expect((second as Error).message).toMatch(/INPROG|in progress/i);
    await bed.untilAlert(
      'failover-completed',
      (a) => a.failoverId !== bed.alertsOf('failover-completed')[0]?.failoverId,
    );
  });
});
