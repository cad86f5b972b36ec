import type { ReplicaNode, SentinelNode, TopologyAlertKind } from '../../../shared/api/topology';
import type { AlertDraft } from './alertBook';

/** A node is announced down on evidence, and "back up" only after that and on evidence too. */
type NodeState = 'down' | 'up' | 'unknown';

function sentinelState(s: SentinelNode, connecting: boolean): NodeState {
  if (s.flags.includes('s_down')) return 'down';
  if (s.reachable) return 'up';
  // A link still on its first attempt (e.g. a sentinel just discovered) says nothing yet.
  return connecting ? 'unknown' : 'down';
}

/**
 * Sentinel's s_down says a replica is down. Up needs more than its absence: a replica the
 * sentinels only just listed (a crashed former master after +switch-master) is not s_down
 * yet but still dead — its sentinel link is `disconnected` and Redlens cannot reach it.
 */
function replicaState(r: ReplicaNode): NodeState {
  if (r.flags.sDown) return 'down';
  return r.reachable || !r.flags.disconnected ? 'up' : 'unknown';
}

function sentinelAlert(s: SentinelNode, down: boolean): AlertDraft {
  const base = { key: `sentinel:${s.address}`, address: s.address };
  if (!down) {
    return {
      ...base,
      kind: 'sentinel-up',
      severity: 'success',
      message: { code: 'sentinel-up', address: s.address },
      transient: true,
    };
  }
  const seenBy = s.flags.includes('s_down') ? 'sentinels' : 'redlens';
  return {
    ...base,
    kind: 'sentinel-down',
    severity: 'warning',
    message: {
      code: 'sentinel-down',
      address: s.address,
      seenBy,
      ...(seenBy === 'redlens' && s.error && { error: s.error }),
    },
    transient: false,
  };
}

function replicaAlert(r: ReplicaNode, down: boolean, oldMaster: boolean): AlertDraft {
  const base = { key: `replica:${r.address}`, address: r.address };
  const facts = { address: r.address, formerMaster: oldMaster };
  if (!down) {
    return {
      ...base,
      kind: 'replica-up',
      severity: 'success',
      message: { code: 'replica-up', ...facts },
      transient: true,
    };
  }
  return {
    ...base,
    kind: 'replica-down',
    severity: 'warning',
    message: { code: 'replica-down', ...facts },
    transient: false,
  };
}

export interface NodeLists {
  replicas: readonly ReplicaNode[];
  sentinels: readonly SentinelNode[];
}

export interface NodeAlertContext {
  /** The kind of the alert last raised under `key` (the announced state), if any. */
  announced: (key: string) => TopologyAlertKind | undefined;
  formerMasters: ReadonlySet<string>;
  /** Sentinels whose link has not finished its first connection attempt. */
  connecting: ReadonlySet<string>;
}

/** One down/up transition against what was announced last. */
function transition(state: NodeState, announced: TopologyAlertKind | undefined, downKind: string): boolean | null {
  const wasDown = announced === downKind;
  if (state === 'down' && !wasDown) return true;
  if (state === 'up' && wasDown) return false;
  return null;
}

/**
 * Up/down banners for replicas and sentinels, against what was announced before rather than
 * against the previous view: a node is announced down once, and back up only after it was
 * announced down — so a first view of a healthy deployment, or a dead former master that the
 * sentinels have not flagged yet, announces nothing.
 */
export function nodeAlerts(next: NodeLists, ctx: NodeAlertContext): AlertDraft[] {
  const drafts: AlertDraft[] = [];
  for (const r of next.replicas) {
    const down = transition(replicaState(r), ctx.announced(`replica:${r.address}`), 'replica-down');
    if (down !== null) drafts.push(replicaAlert(r, down, ctx.formerMasters.has(r.address)));
  }
  for (const s of next.sentinels) {
    const state = sentinelState(s, ctx.connecting.has(s.address));
    const down = transition(state, ctx.announced(`sentinel:${s.address}`), 'sentinel-down');
    if (down !== null) drafts.push(sentinelAlert(s, down));
  }
  return drafts;
}
