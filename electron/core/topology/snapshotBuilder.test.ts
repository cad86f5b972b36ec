import { describe, expect, it } from 'vitest';
import type { TopologyEvent } from '../../../shared/api/topology';
import type { SentinelEntry } from '../redis/sentinelReplies';
import type { SentinelAnswer } from './sentinelAnswer';
import { buildTopology, type BuildInput, type SentinelState } from './snapshotBuilder';
import { patchTopology } from './snapshotPatch';

const masterEntry = (flags = 'master', over: SentinelEntry = {}): SentinelEntry => ({
  name: 'mymaster',
  ip: '127.0.0.1',
  port: '6379',
  flags,
  quorum: '2',
  'config-epoch': '3',
  'down-after-milliseconds': '1000',
  'failover-timeout': '5000',
  'parallel-syncs': '1',
  'num-slaves': '1',
  'num-other-sentinels': '2',
  ...over,
});
const replicaEntry = (port: string, flags = 'slave'): SentinelEntry => ({
  ip: '127.0.0.1',
  port,
  flags,
  'master-link-status': flags.includes('s_down') ? 'err' : 'ok',
  'slave-priority': '100',
});
const sentinelEntry = (port: string, flags = 'sentinel'): SentinelEntry => ({
  ip: '127.0.0.1',
  port,
  flags,
  runid: `run-${port}`,
});

function answer(masterAddress: string | null, flags = 'master'): SentinelAnswer {
  return {
    masters: [masterEntry(flags)],
    master: masterEntry(flags),
    replicas: [replicaEntry('6380')],
    sentinels: [sentinelEntry('26380'), sentinelEntry('26381', 'sentinel,s_down')],
    masterAddress,
  };
}

const sentinel = (port: number, a?: SentinelAnswer): SentinelState => ({
  address: `127.0.0.1:${port}`,
  configured: true,
  reachable: !!a,
  subscribed: !!a,
  ...(a ? { answer: a } : { error: { code: 'CONNECTION_REFUSED', message: `refused ${port}` } }),
});

const input = (sentinels: SentinelState[]): BuildInput => ({
  masterName: 'mymaster',
  sentinels,
  dataNodes: new Map([
    ['127.0.0.1:6379', { reachable: true, info: { role: 'master', offset: 1000, connectedReplicas: 1 } }],
    [
      '127.0.0.1:6380',
      {
        reachable: true,
        info: { role: 'replica', masterAddress: '127.0.0.1:6379', linkStatus: 'up', offset: 900, lastIoSeconds: 1 },
      },
    ],
  ]),
  failover: null,
});

describe('buildTopology', () => {
  it('combines the sentinels’ answers and the nodes’ INFO', () => {
    const t = buildTopology(
      input([
        sentinel(26379, answer('127.0.0.1:6379')),
        sentinel(26380, answer('127.0.0.1:6379', 'master,s_down')),
        sentinel(26381),
      ]),
    );
    expect(t.master).toMatchObject({
      address: '127.0.0.1:6379',
      quorum: 2,
      configEpoch: 3,
      reachable: true,
      sDownBy: ['127.0.0.1:26380'],
    });
    expect(t.master?.flags).toMatchObject({ sDown: true, oDown: false });
    expect(t.replicas).toEqual([
      expect.objectContaining({
        address: '127.0.0.1:6380',
        sentinelLinkStatus: 'up',
        lagBytes: 100,
        lagSeconds: 1,
        priority: 100,
        reachable: true,
      }),
    ]);
    expect(t.sentinels.map((s) => [s.address, s.reachable, s.flags, s.agrees])).toEqual([
      ['127.0.0.1:26379', true, [], true],
      ['127.0.0.1:26380', true, [], true],
      ['127.0.0.1:26381', false, ['s_down'], false],
    ]);
    expect(t.masters).toEqual([expect.objectContaining({ name: 'mymaster', replicas: 1, sentinels: 3 })]);
    expect(t).toMatchObject({ majority: 2, health: 'master-down' });
    expect(t.error).toBeUndefined();
  });

  it('takes the master most sentinels report', () => {
    const t = buildTopology(
      input([
        sentinel(26379, answer('127.0.0.1:6380')),
        sentinel(26380, answer('127.0.0.1:6379')),
        sentinel(26381, answer('127.0.0.1:6379')),
      ]),
    );
    expect(t.master?.address).toBe('127.0.0.1:6379');
    expect(t.sentinels.find((s) => s.address === '127.0.0.1:26379')).toMatchObject({
      masterAddress: '127.0.0.1:6380',
      agrees: false,
    });
  });

  // Bug: right after +switch-master a poll showed the new master objectively down. Mid-failover
  // the leader answers GET-MASTER-ADDR-BY-NAME with the promoted replica while its master entry
  // still describes the dead one; a sentinel that has not heard of the switch still reports it.
  it('shows the switched master with the newest config and none of the old master’s flags', () => {
    const switched: SentinelAnswer = {
      ...answer('127.0.0.1:6380'),
      master: masterEntry('master', { port: '6380', 'config-epoch': '4' }),
      replicas: [replicaEntry('6379', 'slave,disconnected')],
    };
    const leader: SentinelAnswer = {
      ...answer('127.0.0.1:6380', 'master,s_down,o_down,failover_in_progress'),
      replicas: [replicaEntry('6380', 'slave,promoted')],
    };
    const stale = answer('127.0.0.1:6379', 'master,s_down,o_down');
    const t = buildTopology(input([sentinel(26379, leader), sentinel(26380, switched), sentinel(26381, stale)]));
    expect(t.master).toMatchObject({ address: '127.0.0.1:6380', configEpoch: 4, sDownBy: [] });
    expect(t.master?.flags).toMatchObject({ sDown: false, oDown: false });
    expect(t.replicas.map((r) => r.address)).toEqual(['127.0.0.1:6379']);
    expect(t.health).not.toBe('master-down');

    const onlyLeader = buildTopology(input([sentinel(26379, leader), sentinel(26380), sentinel(26381, stale)]));
    expect(onlyLeader.master).toMatchObject({ address: '127.0.0.1:6380', sDownBy: [] });
    expect(onlyLeader.master?.flags).toMatchObject({ sDown: false, oDown: false, failoverInProgress: true });
    expect(onlyLeader.replicas).toEqual([]);
  });

  // Issue #12: each sentinel flags a node "disconnected" for a moment as it reconnects after a
  // switch; the card read "disconnected" beside a session that had just reconnected to it.
  it('calls a node disconnected only when every sentinel describing it says so', () => {
    const one = answer('127.0.0.1:6379', 'master,disconnected');
    one.replicas = [replicaEntry('6380', 'slave,disconnected')];
    const some = buildTopology(
      input([sentinel(26379, one), sentinel(26380, answer('127.0.0.1:6379')), sentinel(26381)]),
    );
    expect(some.master?.flags.disconnected).toBe(false);
    expect(some.replicas[0]?.flags.disconnected).toBe(false);
    const every = buildTopology(input([sentinel(26379, one), sentinel(26380, one)]));
    expect(every.master?.flags.disconnected).toBe(true);
    expect(every.replicas[0]?.flags.disconnected).toBe(true);
  });

  // Issue #12: the sentinels ask a replica its INFO only every 10 s: a former master just turned
  // into a replica kept their "link err" (badge "Degraded") while it said itself it was in sync.
  it('judges a replica’s link by its own INFO once it is a replica, else by the sentinels', () => {
    const lagging = answer('127.0.0.1:6379');
    lagging.replicas = [{ ...replicaEntry('6380'), 'master-link-status': 'err' }];
    const sentinels = [sentinel(26379, lagging), sentinel(26380, lagging), sentinel(26381, lagging)];
    const t = buildTopology(input(sentinels));
    expect(t.replicas[0]).toMatchObject({ sentinelLinkStatus: 'down', replication: { linkStatus: 'up' } });
    expect(t.health).toBe('healthy');
    const stillMaster = input(sentinels);
    (stillMaster.dataNodes as Map<string, unknown>).set('127.0.0.1:6380', {
      reachable: true,
      info: { role: 'master', offset: 5, connectedReplicas: 0 },
    });
    expect(buildTopology(stillMaster).health).toBe('degraded');
  });

  it('says why when no sentinel answers or none knows the master', () => {
    const none = buildTopology(input([sentinel(26379), sentinel(26380)]));
    expect(none).toMatchObject({ health: 'unreachable', master: null, error: { code: 'NO_SENTINEL_REACHABLE' } });
    expect(none.error?.message).toMatch(/refused 26379/);
    const unknown = buildTopology(
      input([
        sentinel(26379, {
          masters: [masterEntry('master', { name: 'other' })],
          master: undefined,
          replicas: [],
          sentinels: [],
          masterAddress: null,
        }),
      ]),
    );
    expect(unknown.error).toMatchObject({
      code: 'UNKNOWN_MASTER',
      message: 'No master found for "mymaster": the sentinels monitor other.',
    });
  });
});

describe('patchTopology', () => {
  const base = buildTopology(
    input([
      sentinel(26379, answer('127.0.0.1:6379')),
      sentinel(26380, answer('127.0.0.1:6379')),
      sentinel(26381, answer('127.0.0.1:6379')),
    ]),
  );
  const event = (channel: string, over: Partial<TopologyEvent>): TopologyEvent => ({
    id: 'e1',
    watchId: 'w',
    channel,
    type: channel,
    message: '',
    reportedBy: ['127.0.0.1:26379'],
    at: 1,
    ...over,
  });

  it('shows the new master the moment +switch-master arrives', () => {
    const t = patchTopology(
      base,
      event('+switch-master', { switch: { from: '127.0.0.1:6379', to: '127.0.0.1:6380' } }),
    )!;
    expect(t.master).toMatchObject({ address: '127.0.0.1:6380', flags: { sDown: false }, sDownBy: [] });
    expect(t.replicas.map((r) => r.address)).toEqual(['127.0.0.1:6379']);
    expect(t.sentinels[0]).toMatchObject({ masterAddress: '127.0.0.1:6380', agrees: true });
  });

  // A late copy of the switch (a sentinel that learned it late) must not clear what the polls
  // since found about the master it names, nor carry the old master's INFO or error over.
  it('keeps the master as it is when a switch names it again, and drops the old master’s state', () => {
    const switchTo = event('+switch-master', { switch: { from: '127.0.0.1:6379', to: '127.0.0.1:6380' } });
    const switched = patchTopology({ ...base, master: { ...base.master!, error: 'old error' } }, switchTo)!;
    expect(switched.master).toMatchObject({ address: '127.0.0.1:6380', reachable: true });
    expect(switched.master?.replication).toBeUndefined();
    expect(switched.master?.error).toBeUndefined();
    const down = {
      ...switched,
      master: { ...switched.master!, sDownBy: ['127.0.0.1:26380'], flags: { ...switched.master!.flags, sDown: true } },
    };
    const late = patchTopology(down, { ...switchTo, reportedBy: ['127.0.0.1:26381'] })!;
    expect(late.master).toBe(down.master);
    expect(late.sentinels.find((s) => s.address === '127.0.0.1:26381')).toMatchObject({ agrees: true });
  });

  it('marks instances down and up', () => {
    const master = { role: 'master' as const, name: 'mymaster', address: '127.0.0.1:6379' };
    const down = patchTopology(base, event('+sdown', { instance: master }))!;
    expect(down.master).toMatchObject({ sDownBy: ['127.0.0.1:26379'], flags: { sDown: true } });
    expect(down.health).toBe('master-down');
    expect(patchTopology(down, event('-sdown', { instance: master }))!.master?.flags.sDown).toBe(false);
    const replica = { role: 'replica' as const, name: '127.0.0.1:6380', address: '127.0.0.1:6380' };
    expect(patchTopology(base, event('+sdown', { instance: replica }))!.replicas[0]?.flags.sDown).toBe(true);
    expect(patchTopology(base, event('+tilt', {}))).toBeUndefined();
  });
});
