import type {
  MasterNode,
  ReplicaNode,
  SentinelNode,
  TopologyHealth,
  TopologySnapshot,
} from '../../../shared/api/topology';
import { formatBytes, formatCount } from './topologyFormat';
import { countOf } from '../ui/format';

/** How a node is doing, for its colour; the words always say the same in text. */
export type Tone = 'ok' | 'warn' | 'down' | 'unknown';

export interface NodeDescription {
  tone: Tone;
  /** The state alone: `up`, `down`, `objectively down`, `unreachable from Redlens`… */
  state: string;
  /** Short state words for the node's card, e.g. `link up · lag 0 s · 0 B`. */
  status: string;
  /** The accessible name: `127.0.0.1:6380 — replica — link up — lag 0 s, 0 B behind`. */
  label: string;
}

/** Lag beyond which a replica is flagged (it still works, but promotes with data loss). */
const LAG_WARN_SECONDS = 10;
const LAG_WARN_BYTES = 1024 * 1024;

const join = (parts: (string | false | undefined)[]) => parts.filter(Boolean).join(' — ');

function masterState(master: MasterNode, snapshot: TopologySnapshot): { tone: Tone; words: string; short?: string } {
  const known = snapshot.sentinels.length;
  if (master.flags.oDown) return { tone: 'down', words: 'objectively down' };
  if (master.flags.sDown || master.sDownBy.length > 0) {
    const by = Math.max(master.sDownBy.length, 1);
    return {
      tone: 'down',
      words: `subjectively down (${by} of ${known} sentinels agree)`,
      short: `down for ${by} of ${known} sentinels`,
    };
  }
  if (master.flags.failoverInProgress) return { tone: 'warn', words: 'failover in progress', short: 'failing over' };
  if (master.flags.disconnected) return { tone: 'warn', words: 'disconnected' };
  if (!master.reachable)
    return { tone: 'warn', words: 'up for the sentinels, unreachable from Redlens', short: 'unreachable from Redlens' };
  return { tone: 'ok', words: 'up' };
}

export function describeMaster(master: MasterNode, snapshot: TopologySnapshot): NodeDescription {
  if (!master.address) {
    return { tone: 'down', state: 'no master', status: 'no master known', label: `no master for ${master.name}` };
  }
  const { tone, words, short } = masterState(master, snapshot);
  const replicas = master.replication?.connectedReplicas;
  const replicaWords = replicas === undefined ? undefined : `${countOf(replicas, 'replica')} connected`;
  return {
    tone,
    state: words,
    status: [short ?? words, replicaWords].filter(Boolean).join(' · '),
    label: join([master.address, 'master', words, replicaWords]),
  };
}

/** `lag 0 s, 0 B behind` (or `lag 0 s · 0 B`, `short`, for the card). */
function lagWords(replica: ReplicaNode, short = false): string | undefined {
  if (replica.lagSeconds === undefined && replica.lagBytes === undefined) return undefined;
  const seconds = replica.lagSeconds === undefined ? 'lag ? s' : `lag ${replica.lagSeconds} s`;
  if (replica.lagBytes === undefined) return seconds;
  return short
    ? `${seconds} · ${formatBytes(replica.lagBytes)}`
    : `${seconds}, ${formatBytes(replica.lagBytes)} behind`;
}

/** The link as the replica itself says (INFO), else as the sentinels say. */
export const replicaLink = (replica: ReplicaNode): 'up' | 'down' | 'unknown' =>
  replica.replication?.linkStatus ?? replica.sentinelLinkStatus;

export function describeReplica(replica: ReplicaNode, snapshot: TopologySnapshot): NodeDescription {
  const link = replicaLink(replica);
  const selected = snapshot.failover?.selectedReplica === replica.address;
  const role = replica.flags.promoted ? 'replica, promoted' : selected ? 'replica, selected for promotion' : 'replica';
  const lag = lagWords(replica);
  let tone: Tone = 'ok';
  let state: string | undefined;
  let short: string | undefined;
  if (replica.flags.sDown) [tone, state] = ['down', 'down'];
  else if (replica.flags.disconnected) [tone, state] = ['warn', 'disconnected'];
  else if (!replica.reachable) [tone, state, short] = ['warn', 'unreachable from Redlens', 'unreachable'];
  else if (replica.replication?.role === 'master') {
    // A demoted master until Sentinel reconfigures it (seconds after the switch): not "link down".
    [tone, state, short] = ['warn', 'still a master, until Sentinel makes it a replica', 'still a master'];
  }
  if (tone === 'ok' && link === 'down') tone = 'down';
  if (tone === 'ok' && link === 'unknown') tone = 'unknown';
  const lagging = (replica.lagSeconds ?? 0) > LAG_WARN_SECONDS || (replica.lagBytes ?? 0) > LAG_WARN_BYTES;
  if (tone === 'ok' && lagging) tone = 'warn';
  const linkWords = replica.replication?.role === 'master' ? undefined : `link ${link}`;
  return {
    tone,
    state: state ?? 'up',
    status: [short ?? state, linkWords, lagWords(replica, true)].filter(Boolean).join(' · '),
    label: join([replica.address, role, state, linkWords, lag]),
  };
}

export function describeSentinel(sentinel: SentinelNode, snapshot: TopologySnapshot): NodeDescription {
  const down = !sentinel.reachable || sentinel.flags.includes('s_down');
  const state = down ? 'down' : 'up';
  let view: string;
  let shortView: string;
  if (down) view = shortView = sentinel.error ?? 'not answering';
  else if (sentinel.masterAddress === null) [view, shortView] = [`does not know ${snapshot.masterName}`, 'no master'];
  else if (sentinel.agrees) [view, shortView] = ['agrees on the master', 'agrees'];
  else [view, shortView] = [`says the master is ${sentinel.masterAddress}`, `sees ${sentinel.masterAddress}`];
  let tone: Tone = down ? 'down' : 'ok';
  if (!down && (!sentinel.agrees || !sentinel.subscribed)) tone = 'warn';
  const leader = sentinel.leader ? 'failover leader' : undefined;
  const events = !down && !sentinel.subscribed ? 'no event subscription' : undefined;
  return {
    tone,
    state,
    status: [state, leader, shortView, events && 'no events'].filter(Boolean).join(' · '),
    label: join([sentinel.address, 'sentinel', state, leader, view, events]),
  };
}

export const HEALTH_TEXT: Record<TopologyHealth, { text: string; tone: Tone }> = {
  healthy: { text: 'Healthy', tone: 'ok' },
  degraded: { text: 'Degraded', tone: 'warn' },
  'no-failover': { text: 'No failover possible', tone: 'down' },
  'master-down': { text: 'Master down', tone: 'down' },
  failover: { text: 'Failover in progress', tone: 'warn' },
  'no-master': { text: 'No master', tone: 'down' },
  unreachable: { text: 'Sentinels unreachable', tone: 'down' },
};

/** `offset 1,234,567`, for cards and details. */
export const offsetWords = (offset: number | undefined): string | undefined =>
  offset === undefined ? undefined : `offset ${formatCount(offset)}`;
