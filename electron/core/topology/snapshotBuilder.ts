import type { ApiError } from '../../../shared/api/errors';
import type {
  MasterNode,
  MonitoredMaster,
  ReplicaNode,
  SentinelNode,
  TopologyHealth,
  TopologySnapshot,
} from '../../../shared/api/topology';
import { noSentinelAnswered } from '../redis/noSentinelAnswered';
import type { SentinelEntry } from '../redis/sentinelReplies';
import { failoverBlocked } from './failoverBlocked';
import type { ReplicationInfo } from './nodeReplication';
import { replicationLag } from './nodeReplication';
import { entryAddress, entryNumber, parseFlags, type SentinelAnswer } from './sentinelAnswer';

export interface SentinelState {
  address: string;
  configured: boolean;
  reachable: boolean;
  subscribed: boolean;
  runId?: string;
  error?: ApiError;
  answer?: SentinelAnswer;
}

export interface DataNodeState {
  reachable: boolean;
  info?: ReplicationInfo;
  error?: string;
}

export interface BuildInput {
  masterName: string;
  sentinels: readonly SentinelState[];
  dataNodes: ReadonlyMap<string, DataNodeState>;
  failover: TopologySnapshot['failover'];
}

export type BuiltTopology = Pick<
  TopologySnapshot,
  'masters' | 'master' | 'replicas' | 'sentinels' | 'majority' | 'health' | 'failover' | 'error' | 'failoverBlocked'
>;

/**
 * The master address the sentinels report. The highest config epoch wins, as in Sentinel itself
 * (a newer configuration replaces older ones): right after a switch, a sentinel that has not
 * heard of it yet must not win back the old master. Then the most votes.
 */
function majorityAddress(answers: SentinelAnswer[]): string | null {
  const votes = new Map<string, { count: number; epoch: number }>();
  for (const a of answers) {
    if (!a.masterAddress) continue;
    const v = votes.get(a.masterAddress) ?? { count: 0, epoch: 0 };
    votes.set(a.masterAddress, { count: v.count + 1, epoch: Math.max(v.epoch, entryNumber(a.master, 'config-epoch')) });
  }
  const best = [...votes].sort(([, a], [, b]) => b.epoch - a.epoch || b.count - a.count)[0];
  return best?.[0] ?? null;
}

/**
 * The flags several sentinels report for one instance. `disconnected` only when every one of
 * them says so: a sentinel flags it for the moment it reconnects after a configuration change
 * (each one at its own time, after a switch), which says nothing about the node.
 */
function mergedFlags(entries: readonly SentinelEntry[], keep: (flag: string) => boolean = () => true): string {
  const raws = entries.map((e) => parseFlags(e['flags']).raw);
  const all = [...new Set(raws.flat())].filter(keep);
  return all.filter((f) => f !== 'disconnected' || raws.every((r) => r.includes(f))).join(',');
}

/** Flags a sentinel's entry can only mean for the instance it describes. */
const INSTANCE_FLAGS = new Set(['s_down', 'o_down', 'disconnected']);

function monitoredMasters(answers: SentinelAnswer[]): MonitoredMaster[] {
  const byName = new Map<string, SentinelEntry>();
  for (const a of answers) for (const entry of a.masters) if (entry['name']) byName.set(entry['name'], entry);
  return [...byName.values()]
    .map((entry) => ({
      name: entry['name']!,
      address: entryAddress(entry),
      flags: parseFlags(entry['flags']),
      quorum: entryNumber(entry, 'quorum'),
      replicas: entryNumber(entry, 'num-slaves'),
      sentinels: entryNumber(entry, 'num-other-sentinels') + 1,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * `describing`: the entries are about `address` itself. Mid-failover the leader already answers
 * GET-MASTER-ADDR-BY-NAME with the promoted replica while its master entry still describes
 * the old, dead master: its s_down/o_down must not be pinned on the new one.
 */
function masterNode(
  input: BuildInput,
  agreeing: SentinelState[],
  address: string | null,
  describing: boolean,
): MasterNode | null {
  const entries = agreeing.map((s) => s.answer!.master!);
  const first = entries[0];
  if (!first) return null;
  const flags = mergedFlags(entries, (f) => describing || !INSTANCE_FLAGS.has(f));
  const node = address ? input.dataNodes.get(address) : undefined;
  const failoverState = entries.map((e) => e['failover-state']).find((s) => s && s !== 'none');
  return {
    name: input.masterName,
    address,
    flags: parseFlags(flags),
    sDownBy: describing
      ? agreeing.filter((s) => parseFlags(s.answer!.master!['flags']).sDown).map((s) => s.address)
      : [],
    quorum: entryNumber(first, 'quorum'),
    configEpoch: Math.max(...entries.map((e) => entryNumber(e, 'config-epoch'))),
    ...(failoverState && { failoverState }),
    downAfterMs: Math.max(...entries.map((e) => entryNumber(e, 'down-after-milliseconds'))),
    failoverTimeoutMs: Math.max(...entries.map((e) => entryNumber(e, 'failover-timeout'))),
    parallelSyncs: entryNumber(first, 'parallel-syncs'),
    reachable: !!node?.reachable,
    ...(node?.info && { replication: node.info }),
    ...(node?.error && { error: node.error }),
  };
}

function replicaNodes(input: BuildInput, agreeing: SentinelState[], address: string | null): ReplicaNode[] {
  const byAddress = new Map<string, SentinelEntry[]>();
  for (const s of agreeing)
    for (const entry of s.answer!.replicas) {
      const at = entryAddress(entry);
      byAddress.set(at, [...(byAddress.get(at) ?? []), entry]);
    }
  byAddress.delete(address ?? '');
  const masterInfo = address ? input.dataNodes.get(address)?.info : undefined;
  return [...byAddress]
    .map(([at, entries]) => {
      const flags = parseFlags(mergedFlags(entries));
      const link = entries[0]!['master-link-status'];
      const node = input.dataNodes.get(at);
      return {
        address: at,
        flags,
        sentinelLinkStatus: link === 'ok' ? 'up' : link === 'err' ? 'down' : 'unknown',
        reachable: !!node?.reachable,
        ...(node?.info && { replication: node.info }),
        ...replicationLag(node?.info, masterInfo, address),
        priority: entryNumber(entries[0], 'slave-priority'),
        ...(node?.error && { error: node.error }),
      } satisfies ReplicaNode;
    })
    .sort((a, b) => a.address.localeCompare(b.address));
}

function sentinelNodes(input: BuildInput, address: string | null): SentinelNode[] {
  const reported = new Map<string, SentinelEntry[]>();
  for (const s of input.sentinels)
    for (const entry of s.answer?.sentinels ?? []) {
      const at = entryAddress(entry);
      reported.set(at, [...(reported.get(at) ?? []), entry]);
    }
  const leader = input.failover?.leader;
  return input.sentinels
    .map((s) => {
      const entries = reported.get(s.address) ?? [];
      const flags = [...new Set(entries.flatMap((e) => parseFlags(e['flags']).raw))].filter((f) => f !== 'sentinel');
      const own = s.reachable ? (s.answer?.masterAddress ?? null) : null;
      const runId = s.runId ?? entries[0]?.['runid'];
      return {
        address: s.address,
        ...(runId && { runId }),
        reachable: s.reachable,
        subscribed: s.subscribed,
        flags,
        masterAddress: own,
        agrees: own !== null && own === address,
        leader: !!leader && (leader === s.address || leader === runId),
        configured: s.configured,
        ...(s.error && { error: s.error.message }),
      } satisfies SentinelNode;
    })
    .sort((a, b) => a.address.localeCompare(b.address));
}

/**
 * A replica's link to its master is down: as the replica itself says (INFO, asked every poll)
 * once it says it is a replica, else as the sentinels say — they ask only every 10 s, so right
 * after a former master is turned into a replica they still report the link it had as one.
 */
function replicaLinkDown(r: ReplicaNode): boolean {
  return r.replication?.role === 'replica' ? r.replication.linkStatus === 'down' : r.sentinelLinkStatus === 'down';
}

/** The one-word state of the deployment (see TopologyHealth). */
export function healthOf(t: Omit<BuiltTopology, 'health' | 'masters' | 'majority'>, reachable: number): TopologyHealth {
  if (reachable === 0) return 'unreachable';
  if (!t.master?.address) return 'no-master';
  if (t.failover) return 'failover';
  if (t.master.flags.sDown || t.master.flags.oDown || !t.master.reachable) return 'master-down';
  if (t.failoverBlocked) return 'no-failover';
  const replicaDown = t.replicas.some((r) => r.flags.sDown || replicaLinkDown(r));
  return replicaDown || t.sentinels.some((s) => !s.reachable) ? 'degraded' : 'healthy';
}

/** Combines one poll round (every sentinel's answers, every data node's INFO) into the view. */
export function buildTopology(input: BuildInput): BuiltTopology {
  const answering = input.sentinels.filter((s) => s.reachable && s.answer);
  const answers = answering.map((s) => s.answer!);
  const knowing = answering.filter((s) => s.answer!.master);
  const address = majorityAddress(knowing.map((s) => s.answer!));
  const agreeing = knowing.filter((s) => s.answer!.masterAddress === address);
  const describing = agreeing.filter((s) => entryAddress(s.answer!.master!) === address);
  const source = describing.length ? describing : agreeing.length ? agreeing : knowing;
  const master = masterNode(input, source, address, describing.length > 0);
  const parts = {
    master,
    replicas: master ? replicaNodes(input, describing.length ? describing : agreeing, address) : [],
    sentinels: sentinelNodes(input, address),
    failover: input.failover,
    ...((blocked) => blocked && { failoverBlocked: blocked })(failoverBlocked(input.sentinels, master?.quorum)),
  };
  let error: ApiError | undefined;
  if (answering.length === 0) {
    const noAnswer: ApiError = { code: 'NO_SENTINEL_REACHABLE', message: 'No answer yet.' };
    error = noSentinelAnswered(input.sentinels.map((s) => ({ address: s.address, error: s.error ?? noAnswer })));
  } else if (knowing.length === 0) {
    const known = monitoredMasters(answers).map((m) => m.name);
    error = {
      code: 'UNKNOWN_MASTER',
      message: `No master found for "${input.masterName}": the sentinels monitor ${known.length ? known.join(', ') : 'no master at all'}.`,
      details: { masterName: input.masterName, knownMasters: known },
    };
  }
  return {
    ...parts,
    masters: monitoredMasters(answers),
    majority: Math.floor(input.sentinels.length / 2) + 1,
    health: healthOf(parts, answering.length),
    ...(error && { error }),
  };
}
