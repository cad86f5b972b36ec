import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSentinelTopology, type SentinelTopology } from '../localRedis/testSupport';
import { address, profileFor, topologyTestbed } from './testSupport/topologyTestbed';
import { alertText } from '../../../renderer/src/topology/alertText';

// Scenario 3: the master stops answering (SIGSTOP) → subjectively down → back (SIGCONT) →
// -sdown, and no failover. Deterministic: only the first sentinel has a short
// down-after-milliseconds, so one sentinel (below the quorum of 2) ever sees it down.
let topo: SentinelTopology;
const bed = topologyTestbed();

beforeAll(async () => {
  topo = await startSentinelTopology({ downAfterMs: 1000, failoverTimeoutMs: 5000 });
  for (const sentinel of topo.sentinels.slice(1)) {
    const client = await sentinel.client();
    await client.call('SENTINEL', 'SET', topo.masterName, 'down-after-milliseconds', '60000');
    client.disconnect();
  }
  bed.profiles.set('p', profileFor(topo));
});
afterAll(async () => {
  await topo?.master.resume();
  await bed.dispose();
  await topo?.stop();
});

describe('unresponsive master', () => {
  it('shows the master subjectively down while paused, then back, without a failover', async () => {
    const { watchId } = await bed.service.watch({ profileId: 'p' });
    const master = address(topo.master);
    await topo.master.pause();

    const sdown = await bed.untilAlert('master-sdown');
    expect(alertText(sdown.message)).toBe(
      `Master ${master} is subjectively down: 1 of 3 sentinels cannot reach it (quorum 2).`,
    );
    const down = await bed.untilSnapshot('the master shown down', (s) => s.master?.flags.sDown === true);
    expect(down).toMatchObject({
      health: 'master-down',
      master: { address: master, sDownBy: [address(topo.sentinels[0]!)] },
    });

    await topo.master.resume();
    const back = await bed.untilAlert('master-up');
    expect(alertText(back.message)).toMatch(
      new RegExp(`^Master ${master} is back — The master came back after \\d+\\.\\d s\\.$`),
    );
    expect(back.key).toBe(sdown.key);
    await bed.untilSnapshot('the master up again', (s) => s.master?.flags.sDown === false && s.health === 'healthy');

    const timeline = bed.service.timeline(watchId);
    expect(timeline.failovers).toHaveLength(1);
    expect(timeline.failovers[0]).toMatchObject({ outcome: 'recovered', from: master, manual: false });
    expect(timeline.failovers[0]!.phases.map((p) => p.phase)).toEqual(['sdown']);
    expect(timeline.events.map((e) => e.channel)).toEqual(expect.arrayContaining(['+sdown', '-sdown']));
    expect(timeline.events.map((e) => e.channel)).not.toContain('+try-failover');
    expect(bed.pushed.alerts.filter((a) => a.kind.startsWith('failover') || a.kind === 'no-failover')).toEqual([]);
    expect(bed.latest()?.master?.address).toBe(master);
  });
});
