import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TopologySnapshot } from '../../../shared/api/topology';
import { mapError } from '../api/mapError';
import { startSentinelTopology, waitFor, type SentinelTopology } from '../localRedis/testSupport';
import { address, profileFor, topologyTestbed } from './testSupport/topologyTestbed';
import { alertText } from '../../../renderer/src/topology/alertText';

// Scenario 1: the master crashes (SIGKILL) → automatic failover. The view shows the new master
// and the replicas following it, the data session moves over (a write in between fails
// visibly and is never applied twice), and the restarted old master shows as a replica.
let topo: SentinelTopology;
const bed = topologyTestbed();
let sessionId: string;
let watchId: string;
let newMaster: string;

beforeAll(async () => {
  topo = await startSentinelTopology({ downAfterMs: 1000, failoverTimeoutMs: 5000 });
  bed.profiles.set('p', profileFor(topo, { name: 'Prod' }));
});
afterAll(async () => {
  await bed.dispose();
  await topo?.stop();
});

describe('master crash', () => {
  it('shows the master, its replicas in sync and every sentinel', async () => {
    sessionId = (await bed.manager.open('p')).id;
    const snapshot = await bed.service.watch({ sessionId });
    watchId = snapshot.watchId;
    expect(snapshot).toMatchObject({ profileId: 'p', sessionId, masterName: 'mymaster', readOnly: false });
    expect(snapshot.masters.map((m) => m.name)).toEqual(['mymaster']);
    expect(snapshot.master).toMatchObject({ address: address(topo.master), quorum: 2, reachable: true });
    expect(snapshot.master?.replication).toMatchObject({ role: 'master', connectedReplicas: 2 });
    expect(snapshot.replicas.map((r) => r.address).sort()).toEqual(topo.replicas.map(address).sort());
    for (const replica of snapshot.replicas) {
      expect(replica).toMatchObject({ reachable: true, sentinelLinkStatus: 'up', flags: { sDown: false } });
      expect(replica.replication).toMatchObject({
        role: 'replica',
        linkStatus: 'up',
        masterAddress: address(topo.master),
      });
      expect(replica.lagBytes).toBeGreaterThanOrEqual(0);
    }
    expect(snapshot.sentinels.map((s) => s.address).sort()).toEqual(topo.sentinels.map(address).sort());
    // Under load a sentinel link may still be connecting at the first poll: the next one has it.
    const settled = await bed.untilSnapshot(
      'every sentinel reachable, agreeing, subscribed',
      (s) => s.health === 'healthy' && s.sentinels.every((x) => x.reachable && x.agrees && x.subscribed),
    );
    expect(settled.sentinels.every((s) => s.configured && !s.leader)).toBe(true);
    // Nothing was announced down, so nothing may be announced back up.
    expect(bed.alertsOf('sentinel-up')).toEqual([]);
    expect(bed.alertsOf('replica-up')).toEqual([]);
  });

  it('follows the failover: phases, banners, the new master — and writes fail visibly, never twice', async () => {
    const client = () => bed.manager.client(sessionId);
    // Each write pushes a unique id: a write applied twice would show up as a duplicate.
    const outcomes = { ok: 0, attempted: 0, codes: new Set<string>() };
    let writing = true;
    const writer = (async () => {
      while (writing) {
        const id = String(++outcomes.attempted);
        try {
          await client().rpush('writes', id);
          outcomes.ok += 1;
        } catch (e) {
          outcomes.codes.add(mapError(e).code);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();

    await topo.master.kill();
    const completed = await bed.untilAlert('failover-completed');
    newMaster = completed.address!;
    expect(topo.replicas.map(address)).toContain(newMaster);
    expect(alertText(completed.message)).toMatch(
      new RegExp(`^New master: ${newMaster} \\(was ${address(topo.master)}\\) — failover took \\d+\\.\\d s\\.$`),
    );

    await waitFor(
      async () => bed.manager.view(sessionId).state === 'ready' && bed.manager.view(sessionId).address === newMaster,
      {
        timeoutMs: 20_000,
        what: 'the session on the new master',
      },
    );
    const before = outcomes.ok;
    await waitFor(async () => outcomes.ok > before + 3, { timeoutMs: 10_000, what: 'writes on the new master' });
    writing = false;
    await writer;
    // Writes in between failed with a code the UI can offer Retry for, and none was applied
    // twice (one acknowledged by the old master may be lost: replication is asynchronous).
    expect([...outcomes.codes].every((c) => ['NO_MASTER', 'CONNECTION_LOST', 'TIMEOUT'].includes(c))).toBe(true);
    expect(outcomes.codes).toContain('NO_MASTER');
    const applied = await client().lrange('writes', 0, -1);
    expect(new Set(applied).size).toBe(applied.length);
    expect(applied.every((id) => Number(id) <= outcomes.attempted)).toBe(true);

    const snapshot = await bed.untilSnapshot(
      'the new master with the other replica following it',
      (s) =>
        s.master?.address === newMaster &&
        s.replicas.some((r) => r.address !== address(topo.master) && r.replication?.masterAddress === newMaster),
    );
    // The dead old master: disconnected as the sentinels first list it, s_down once they notice.
    const oldMaster = snapshot.replicas.find((r) => r.address === address(topo.master));
    expect(oldMaster?.reachable).toBe(false);
    expect(oldMaster?.flags.sDown || oldMaster?.flags.disconnected).toBe(true);
    // The killed master is still dead: never "back up". The new master is never shown with the
    // old one's o_down (the leader's master entry still describes the old one mid-failover).
    expect(bed.alertsOf('replica-up')).toEqual([]);
    // (Under heavy load the sentinels may really fail the new master over again: such snapshots
    // carry that new incident's banner and are not this bug.)
    const onlyThisIncident = (s: TopologySnapshot) =>
      s.alerts.every((a) => !a.key.startsWith('incident:') || a.failoverId === completed.failoverId);
    const newMasterDown = bed.pushed.snapshots.filter(
      (s) => s.master?.address === newMaster && s.master.flags.oDown && onlyThisIncident(s),
    );
    expect(newMasterDown).toEqual([]);

    const timeline = bed.service.timeline(watchId);
    // This crash's incident (the one its banner names): a further failover the sentinels may
    // really run under heavy load is another incident, with its own epoch, not this one.
    const record = timeline.failovers.find((f) => f.id === completed.failoverId)!;
    expect(record).toMatchObject({ from: address(topo.master), to: newMaster, outcome: 'completed', manual: false });
    expect(record.phases.map((p) => p.phase)).toEqual(
      expect.arrayContaining([
        'sdown',
        'odown',
        'try-failover',
        'leader-elected',
        'selected-replica',
        'promoted',
        'switch-master',
      ]),
    );
    expect(record.leader).toMatch(/^127\.0\.0\.1:\d+$/);
    const kinds = bed.pushed.alerts.map((a) => a.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(['master-sdown', 'master-odown', 'connection-lost', 'no-master', 'reconnected']),
    );
    expect(alertText(bed.alertsOf('reconnected').at(-1)!.message)).toBe(`Reconnected to the new master ${newMaster}.`);
    // Each sentinel event was published by several sentinels but logged once.
    const switches = timeline.events.filter(
      (e) => e.channel === '+switch-master' && e.failoverId === completed.failoverId,
    );
    expect(switches).toHaveLength(1);
    expect(switches[0]!.reportedBy.length).toBeGreaterThan(1);
    expect(bed.alertsOf('no-failover')).toEqual([]);
  });

  it('shows the restarted old master as a replica of the new one', async () => {
    await topo.master.restart();
    const old = address(topo.master);
    // The new one — or, if the sentinels really failed over again under heavy load (another
    // incident, see above), whichever master they name now.
    await bed.untilSnapshot(
      'the old master to replicate from the new one',
      (s) =>
        !!s.master &&
        s.master.address !== old &&
        s.replicas.some(
          (r) =>
            r.address === old &&
            !r.flags.sDown &&
            r.replication?.role === 'replica' &&
            r.replication.masterAddress === s.master?.address,
        ),
      45_000,
    );
    await bed.untilAlert('replica-up', (a) => a.address === old);
    const exported = JSON.parse(bed.service.exportTimeline(watchId).json) as {
      failovers: unknown[];
      events: unknown[];
    };
    expect(exported.failovers.length).toBeGreaterThanOrEqual(1);
    expect(exported.events.length).toBeGreaterThan(10);
  });
});
