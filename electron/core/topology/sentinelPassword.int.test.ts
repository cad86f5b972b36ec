import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSentinelTopology, type SentinelTopology } from '../localRedis/testSupport';
import { sentinelProfile } from '../sessions/testSupport/sessionTestbed';
import { address, profileFor, topologyTestbed } from './testSupport/topologyTestbed';

// Scenario 6: sentinels with their own password, distinct from the data nodes' password. The
// watcher uses each where it belongs, and says which one is wrong.
let topo: SentinelTopology;
const bed = topologyTestbed();

beforeAll(async () => {
  topo = await startSentinelTopology({ dataPassword: 'data-secret', sentinelPassword: 'sentinel-secret' });
  bed.profiles.set('p', profileFor(topo));
  const base = { sentinels: topo.sentinelAddresses, masterName: topo.masterName };
  bed.profiles.set(
    'wrong-sentinel',
    sentinelProfile({ ...base, password: 'data-secret', sentinelPassword: 'data-secret' }),
  );
  bed.profiles.set('wrong-data', sentinelProfile({ ...base, password: 'nope', sentinelPassword: 'sentinel-secret' }));
});
afterAll(async () => {
  await bed.dispose();
  await topo?.stop();
});

describe('sentinel password', () => {
  it('watches with both passwords: sentinels subscribed, data nodes read', async () => {
    const snapshot = await bed.service.watch({ profileId: 'p' });
    expect(snapshot.error).toBeUndefined();
    expect(snapshot.master).toMatchObject({ address: address(topo.master), reachable: true });
    expect(snapshot.replicas.every((r) => r.reachable && r.replication?.linkStatus === 'up')).toBe(true);
    await bed.untilSnapshot('every sentinel subscribed', (s) => s.sentinels.every((x) => x.reachable && x.subscribed));

    const replica = topo.replicas[0]!;
    await replica.kill();
    await bed.untilAlert('replica-down', (a) => a.address === address(replica));
    await replica.restart();
    await bed.untilAlert('replica-up', (a) => a.address === address(replica));
  });

  it('refuses to watch with a wrong sentinel password, naming the sentinel password', async () => {
    const refused = await bed.service.watch({ profileId: 'wrong-sentinel' }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'AUTH_FAILED' });
    expect((refused as Error).message).toMatch(
      /rejected the sentinel username or password \(the data-node password is separate\)/,
    );
  });

  it('shows the data nodes unreachable with a wrong data password, naming the data-node password', async () => {
    const snapshot = await bed.service.watch({ profileId: 'wrong-data' });
    expect(snapshot.master).toMatchObject({ address: address(topo.master), reachable: false });
    expect(snapshot.master?.error).toMatch(/rejected the data-node username or password/);
    expect(snapshot.sentinels.every((s) => s.reachable)).toBe(true);
    bed.service.unwatch(snapshot.watchId);
  });
});
