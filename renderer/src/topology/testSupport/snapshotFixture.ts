// Test data for the topology unit tests: a healthy 1 master / 2 replicas / 3 sentinels snapshot.
import type {
  FailoverRecord,
  InstanceFlags,
  ReplicaNode,
  SentinelNode,
  TopologyAlert,
  TopologyEvent,
  TopologySnapshot,
} from '../../../../shared/api/topology';

export const flags = (raw: string[] = []): InstanceFlags => ({
  sDown: raw.includes('s_down'),
  oDown: raw.includes('o_down'),
  disconnected: raw.includes('disconnected'),
  failoverInProgress: raw.includes('failover_in_progress'),
  promoted: raw.includes('promoted'),
  raw,
});

export const replica = (port: number, over: Partial<ReplicaNode> = {}): ReplicaNode => ({
  address: `127.0.0.1:${port}`,
  flags: flags(['slave']),
  sentinelLinkStatus: 'up',
  reachable: true,
  replication: { role: 'replica', masterAddress: '127.0.0.1:6379', linkStatus: 'up', offset: 1000 },
  lagBytes: 0,
  lagSeconds: 0,
  priority: 100,
  ...over,
});

export const sentinel = (port: number, over: Partial<SentinelNode> = {}): SentinelNode => ({
  address: `127.0.0.1:${port}`,
  reachable: true,
  subscribed: true,
  flags: [],
  masterAddress: '127.0.0.1:6379',
  agrees: true,
  leader: false,
  configured: true,
  ...over,
});

export function snapshot(over: Partial<TopologySnapshot> = {}): TopologySnapshot {
  return {
    watchId: 'w1',
    profileId: 'p1',
    readOnly: false,
    masterName: 'mymaster',
    masters: [],
    master: {
      name: 'mymaster',
      address: '127.0.0.1:6379',
      flags: flags(['master']),
      sDownBy: [],
      quorum: 2,
      configEpoch: 0,
      downAfterMs: 1000,
      failoverTimeoutMs: 10_000,
      parallelSyncs: 1,
      reachable: true,
      replication: { role: 'master', offset: 1000, connectedReplicas: 2 },
    },
    replicas: [replica(6380), replica(6381)],
    sentinels: [sentinel(26379), sentinel(26380), sentinel(26381)],
    majority: 2,
    failover: null,
    health: 'healthy',
    alerts: [],
    revision: 1,
    updatedAt: 1_000,
    ...over,
  };
}

export const alert = (over: Partial<TopologyAlert> = {}): TopologyAlert => ({
  id: 'a1',
  watchId: 'w1',
  key: 'failover:f1',
  kind: 'master-sdown',
  severity: 'warning',
  message: { code: 'master-sdown', master: '127.0.0.1:6379', sDownCount: 1, sentinels: 3, quorum: 2 },
  at: 1_000,
  masterName: 'mymaster',
  transient: false,
  ...over,
});

export const event = (over: Partial<TopologyEvent> = {}): TopologyEvent => ({
  id: 'e1',
  watchId: 'w1',
  channel: '+sdown',
  message: 'master mymaster 127.0.0.1 6379',
  type: '+sdown',
  instance: { role: 'master', name: 'mymaster', address: '127.0.0.1:6379' },
  reportedBy: ['127.0.0.1:26379'],
  at: 1_000,
  ...over,
});

export const failover = (over: Partial<FailoverRecord> = {}): FailoverRecord => ({
  id: 'f1',
  masterName: 'mymaster',
  manual: false,
  from: '127.0.0.1:6379',
  phases: [{ phase: 'sdown', at: 1_000, sincePreviousMs: 0 }],
  outcome: 'in-progress',
  startedAt: 1_000,
  eventIds: ['e1'],
  ...over,
});
