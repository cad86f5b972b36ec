import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FailoverRecord } from '../../../shared/api/topology';
import { startSentinelTopology, waitFor, type SentinelTopology } from '../localRedis/testSupport';
import { DEDUP_WINDOW_MS } from './eventLog';
import { address, profileFor, topologyTestbed } from './testSupport/topologyTestbed';
import { alertText } from '../../../renderer/src/topology/alertText';

// Issue #12: a sentinel that learns the new configuration late publishes its own +switch-master
// seconds after the others; it was recorded as a second, 0 ms "automatic failover". Here one
// sentinel is paused (SIGSTOP) through a manual failover and resumed once the incident is over
// and past the event log's de-duplication window: its +switch-master must join the incident.
let topo: SentinelTopology;
const bed = topologyTestbed();

beforeAll(async () => {
  topo = await startSentinelTopology({ replicas: 2, downAfterMs: 1000, failoverTimeoutMs: 5000 });
  bed.profiles.set('rw', profileFor(topo));
});
afterAll(async () => {
  await topo?.sentinels[2]?.resume();
  await bed.dispose();
  await topo?.stop();
});

/** Every record is one switch Sentinel really ran: no two share an epoch or lack one. */
function expectOnePerEpoch(records: readonly Pick<FailoverRecord, 'epoch' | 'outcome'>[]): void {
  const completed = records.filter((r) => r.outcome === 'completed');
  const epochs = completed.map((r) => r.epoch);
  expect(epochs.every((e) => e !== undefined)).toBe(true);
  expect(new Set(epochs).size).toBe(epochs.length);
}

describe('a late +switch-master', () => {
  it('joins the manual failover it reports: one incident in the timeline and the export', async () => {
    const session = await bed.manager.open('rw');
    const { watchId } = await bed.service.watch({ sessionId: session.id });
    await bed.untilSnapshot('a healthy deployment', (s) => s.health === 'healthy');
    const late = topo.sentinels[2]!;
    const lateAddress = address(late);
    await late.pause();

    const from = address(topo.master);
    const requested = await bed.service.failover(watchId);
    expect(requested.sentinel).not.toBe(lateAddress);
    const completed = await bed.untilAlert('failover-completed');
    const to = completed.address!;
    const manual = bed.service.timeline(watchId).failovers.find((f) => f.id === completed.failoverId)!;
    expect(manual).toMatchObject({ manual: true, from, to });
    expect(manual.epoch).toBeGreaterThan(0);
    // The incident is over, and the paused sentinel's report will come past the window.
    await waitFor(
      async () => {
        const record = bed.service.timeline(watchId).failovers.find((f) => f.id === manual.id);
        return record?.phases.at(-1)?.phase === 'end' && Date.now() > completed.at + DEDUP_WINDOW_MS;
      },
      { timeoutMs: 30_000, what: 'the failover to be over, past the de-duplication window' },
    );

    await late.resume();
    const lateSwitch = await waitFor(
      async () =>
        bed.pushed.events.find(
          (e) => e.channel === '+switch-master' && e.reportedBy.includes(lateAddress) && e.at > completed.at,
        ),
      { timeoutMs: 30_000, what: 'the resumed sentinel’s +switch-master' },
    );
    await waitFor(
      async () => bed.manager.view(session.id).state === 'ready' && bed.manager.view(session.id).address === to,
      { timeoutMs: 20_000, what: 'the session on the new master' },
    );
    await bed.untilSnapshot(
      'every sentinel on the new master',
      (s) => s.sentinels.every((x) => x.reachable && x.masterAddress === to) && s.failover === null,
    );

    const timeline = bed.service.timeline(watchId);
    const owner = timeline.events.find((e) => e.id === lateSwitch.id);
    expect(owner?.failoverId).toBe(manual.id);
    // Sentinel may really run another failover on a loaded machine: that one has its own epoch.
    const sameSwitch = timeline.failovers.filter((f) => f.epoch === manual.epoch || (f.from === from && f.to === to));
    expect(sameSwitch.map((f) => f.id)).toEqual([manual.id]);
    expectOnePerEpoch(timeline.failovers);
    const banners = new Set(bed.alertsOf('failover-completed').map((a) => a.failoverId));
    expect(banners.size).toBe(timeline.failovers.filter((f) => f.outcome === 'completed').length);

    // How long the session could not write is said beside the sentinels' time — unless it moved
    // over at once (a manual failover usually lets it: "blocked for 0.0 s" would say nothing).
    const final = timeline.failovers.find((f) => f.id === manual.id)!;
    expect(final.writesBlockedMs).toBeGreaterThanOrEqual(0);
    const banner = bed.alertsOf('failover-completed').findLast((a) => a.failoverId === manual.id);
    expect(alertText(banner!.message)).toMatch(
      final.writesBlockedMs! >= 50
        ? / — failover took \d+\.\d s; writes were blocked for \d+\.\d s\.$/
        : / — failover took \d+\.\d s\.$/,
    );

    const exported = JSON.parse(bed.service.exportTimeline(watchId).json) as { failovers: FailoverRecord[] };
    expect(exported.failovers.filter((f) => f.epoch === manual.epoch).map((f) => f.id)).toEqual([manual.id]);
    expect(exported.failovers.filter((f) => f.from === from && f.to === to)).toHaveLength(1);
    expectOnePerEpoch(exported.failovers);
  });
});
