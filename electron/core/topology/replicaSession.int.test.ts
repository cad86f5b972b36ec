import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSentinelTopology, type SentinelTopology } from '../localRedis/testSupport';
import { address, profileFor, topologyTestbed } from './testSupport/topologyTestbed';
import { alertText } from '../../../renderer/src/topology/alertText';

// Issue #12: a session on a replica profile whose replica was killed moved to the other replica
// (no failover: the master never changed) and its banner said "Reconnected to the new master".
let topo: SentinelTopology;
const bed = topologyTestbed();

beforeAll(async () => {
  topo = await startSentinelTopology({ replicas: 2, downAfterMs: 1000, failoverTimeoutMs: 5000 });
  bed.profiles.set('replica', { ...profileFor(topo), role: 'replica' });
});
afterAll(async () => {
  await bed.dispose();
  await topo?.stop();
});

describe('a replica session whose replica dies', () => {
  it('says it reconnected to another replica, never to a new master', async () => {
    const session = await bed.manager.open('replica');
    const browsed = session.address!;
    expect(topo.replicas.map(address)).toContain(browsed);
    await bed.service.watch({ sessionId: session.id });
    await bed.untilSnapshot('a healthy deployment', (s) => s.health === 'healthy');

    await topo.nodeAt(Number(browsed.split(':')[1]))!.kill();
    const reconnected = await bed.untilAlert('reconnected', () => true, 45_000);
    const other = topo.replicas.map(address).find((a) => a !== browsed)!;
    expect(bed.manager.view(session.id)).toMatchObject({ state: 'ready', address: other, readOnly: true });
    expect(alertText(reconnected.message)).toBe(`Reconnected to replica ${other}.`);
    const lost = bed.alertsOf('connection-lost').map((a) => alertText(a.message));
    expect(lost).toEqual([`Connection to replica ${browsed} lost — reconnecting…`]);
    // The master never changed: nothing here may speak of a new master or a failover.
    expect(bed.pushed.alerts.map((a) => alertText(a.message)).join('\n')).not.toMatch(/new master|failover/i);
    expect(bed.latest()?.master?.address).toBe(address(topo.master));
  });
});
