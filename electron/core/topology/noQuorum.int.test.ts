import { afterEach, describe, expect, it } from 'vitest';
import { startSentinelTopology, waitFor, type SentinelTopology } from '../localRedis/testSupport';
import { address, profileFor, topologyTestbed } from './testSupport/topologyTestbed';
import { alertText } from '../../../renderer/src/topology/alertText';

// Scenario 4: the master goes down and the sentinels cannot fail over — the view shows it
// down and a banner says no failover will happen, until the master comes back.
let topo: SentinelTopology | undefined;
let bed: ReturnType<typeof topologyTestbed> | undefined;

afterEach(async () => {
  await bed?.dispose();
  await topo?.stop();
});

async function watchDeployment(options: { quorum?: number }) {
  topo = await startSentinelTopology({ downAfterMs: 1000, failoverTimeoutMs: 5000, ...options });
  bed = topologyTestbed();
  bed.profiles.set('p', profileFor(topo));
  const session = await bed.manager.open('p');
  const snapshot = await bed.service.watch({ sessionId: session.id });
  return { topo, bed, session, snapshot };
}

describe('no failover possible', () => {
  it('says so when the quorum is larger than the number of sentinels', async () => {
    const { topo, bed, snapshot } = await watchDeployment({ quorum: 4 });
    expect(snapshot.master?.quorum).toBe(4);
    const master = address(topo.master);
    await topo.master.kill();

    const verdict = await bed.untilAlert('no-failover');
    expect(alertText(verdict.message)).toMatch(
      new RegExp(
        `^Master ${master} is down \\(\\d of 3 sentinels agree\\), and no failover is possible: its quorum is 4 but only 3 sentinels monitor it\\.$`,
      ),
    );
    const down = await bed.untilSnapshot(
      'the master shown down',
      (s) => s.health === 'master-down' && s.master?.reachable === false,
    );
    expect(down.master?.address).toBe(master);
    expect(down.master?.flags.oDown).toBe(false);
    // Issue #12: no banner promises an election that cannot happen.
    await bed.untilAlert('no-master');
    expect(bed.alertsOf('no-master').map((a) => alertText(a.message))).toEqual([
      'No master found for "mymaster" — writes are blocked until the master comes back: the sentinels cannot fail over.',
    ]);

    await topo.master.restart();
    const back = await bed.untilAlert('master-up');
    expect(alertText(back.message)).toMatch(/No failover was possible \(its quorum is 4/);
    expect(back.key).toBe(verdict.key);
    await bed.untilAlert('reconnected', (a) => alertText(a.message) === `Reconnected to master ${master}.`);
    // A sentinel slower to see it back may reopen the outage for a moment: wait until all did.
    const outcomes = () =>
      bed.service
        .timeline(down.watchId)
        .failovers.map((f) => f.outcome)
        .join();
    await waitFor(async () => outcomes() === 'recovered', { timeoutMs: 20_000, what: 'one recovered incident' });
  });

  it('says so when a majority of the sentinels is down', async () => {
    const { topo, bed } = await watchDeployment({});
    await Promise.all(topo.sentinels.slice(1).map((s) => s.kill()));
    await bed.untilAlert('sentinel-down');
    await bed.untilSnapshot('two sentinels down', (s) => s.sentinels.filter((x) => !x.reachable).length === 2);
    await topo.master.kill();

    const verdict = await bed.untilAlert('no-failover');
    expect(alertText(verdict.message)).toMatch(
      /no failover is possible: only 1 of 3 sentinels are up, and a failover needs a majority \(2\)\.$/,
    );
    await bed.untilSnapshot('the master shown down', (s) => s.health === 'master-down');
    expect(bed.alertsOf('failover-completed')).toEqual([]);
  });

  // Issue #12: failover had become impossible well before the master died, and nothing said so.
  it('warns while the master is still up that no failover could happen, and clears once it could', async () => {
    const { topo, bed } = await watchDeployment({});
    await bed.untilSnapshot('a healthy deployment', (s) => s.health === 'healthy');
    await Promise.all(topo.sentinels.slice(1).map((s) => s.kill()));

    const impossible = await bed.untilAlert('failover-impossible');
    expect(impossible.key).toBe('quorum:mymaster');
    expect(alertText(impossible.message)).toMatch(/^If the master of "mymaster" fails now, no failover can happen: /);
    const blocked = await bed.untilSnapshot('the badge to say no failover', (s) => s.health === 'no-failover');
    expect(blocked.master?.reachable).toBe(true);
    expect(blocked.failoverBlocked?.code).toMatch(/^(noquorum|majority-unreachable)$/);
    // The sentinel left sees the others down: its CKQUORUM says so too.
    await bed.untilSnapshot('CKQUORUM to answer NOQUORUM', (s) => s.failoverBlocked?.code === 'noquorum', 20_000);
    expect(topo.master.isRunning()).toBe(true);
    expect(bed.alertsOf('no-failover')).toEqual([]);

    await Promise.all(topo.sentinels.slice(1).map((s) => s.restart()));
    const possible = await bed.untilAlert('failover-possible');
    expect(possible.key).toBe(impossible.key);
    const healthy = await bed.untilSnapshot('the deployment healthy again', (s) => s.health === 'healthy', 30_000);
    expect(healthy.failoverBlocked).toBeUndefined();
  });
});
