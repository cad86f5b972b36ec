import type { FailoverOutcome, FailoverPhase, FailoverRecord, TopologyEvent } from '../../../shared/api/topology';

/** One row of the (virtualized) timeline: newest first, a failover's events under it. */
export type TimelineRow =
  | { kind: 'failover'; key: string; failover: FailoverRecord; expanded: boolean; eventCount: number }
  | { kind: 'event'; key: string; event: TopologyEvent; grouped: boolean }
  | { kind: 'dropped'; key: string; count: number };

export const PHASE_LABELS: Record<FailoverPhase, string> = {
  sdown: 'Subjectively down',
  odown: 'Objectively down',
  'try-failover': 'Failover started',
  'leader-elected': 'Leader elected',
  'selected-replica': 'Replica selected',
  promoted: 'Replica promoted',
  'switch-master': 'Master switched',
  'replicas-reconfigured': 'Replicas reconfigured',
  end: 'Settled',
};

export const OUTCOME_LABELS: Record<FailoverOutcome, string> = {
  'in-progress': 'in progress',
  completed: 'completed',
  aborted: 'aborted',
  timeout: 'timed out',
  'no-quorum': 'no failover possible',
  recovered: 'master recovered',
};

const has = (f: FailoverRecord, phase: FailoverPhase) => f.phases.some((p) => p.phase === phase);

/** "Manual failover", "Automatic failover" or "Master outage" (no failover was tried). */
export function failoverTitle(f: FailoverRecord): string {
  if (f.manual) return 'Manual failover';
  return has(f, 'try-failover') || has(f, 'switch-master') ? 'Automatic failover' : 'Master outage';
}

/**
 * Top-level items newest first; an expanded failover is followed by its events, oldest
 * first. By default only the newest failover is expanded.
 */
export function timelineRows(
  failovers: readonly FailoverRecord[],
  events: readonly TopologyEvent[],
  expanded: Readonly<Record<string, boolean>>,
  droppedEvents: number,
): TimelineRow[] {
  const groupOf = new Map<string, string>();
  for (const f of failovers) for (const id of f.eventIds) groupOf.set(id, f.id);
  const known = new Set(failovers.map((f) => f.id));
  const grouped = new Map<string, TopologyEvent[]>();
  const loose: TopologyEvent[] = [];
  for (const e of events) {
    const group = e.failoverId && known.has(e.failoverId) ? e.failoverId : groupOf.get(e.id);
    if (group) grouped.set(group, [...(grouped.get(group) ?? []), e]);
    else loose.push(e);
  }

  const newest = failovers.reduce<FailoverRecord | undefined>(
    (a, f) => (!a || f.startedAt >= a.startedAt ? f : a),
    undefined,
  );
  type Top = { at: number; row: TimelineRow };
  const top: Top[] = [
    ...failovers.map((f) => {
      const open = expanded[f.id] ?? f.id === newest?.id;
      const row: TimelineRow = {
        kind: 'failover',
        key: `f:${f.id}`,
        failover: f,
        expanded: open,
        eventCount: grouped.get(f.id)?.length ?? 0,
      };
      return { at: f.startedAt, row };
    }),
    ...loose.map((e) => ({
      at: e.at,
      row: { kind: 'event', key: `e:${e.id}`, event: e, grouped: false } as TimelineRow,
    })),
  ].sort((a, b) => b.at - a.at);

  const rows: TimelineRow[] = [];
  for (const { row } of top) {
    rows.push(row);
    if (row.kind === 'failover' && row.expanded) {
      for (const e of grouped.get(row.failover.id) ?? []) {
        rows.push({ kind: 'event', key: `e:${e.id}`, event: e, grouped: true });
      }
    }
  }
  if (droppedEvents > 0) rows.push({ kind: 'dropped', key: 'dropped', count: droppedEvents });
  return rows;
}

const who = (e: TopologyEvent) => (e.instance ? `${e.instance.role} ${e.instance.address}` : 'instance');

/** An event in words, e.g. "replica 127.0.0.1:6380 subjectively down". */
export function describeEvent(e: TopologyEvent): string {
  const c = e.channel;
  if (c.startsWith('-failover-abort-'))
    return `failover aborted (${c.slice('-failover-abort-'.length).replace(/-/g, ' ')})`;
  if (c.startsWith('+failover-state-'))
    return `failover state: ${c.slice('+failover-state-'.length).replace(/-/g, ' ')}`;
  if (c.startsWith('+slave-reconf-')) {
    const step = { sent: 'sent', inprog: 'in progress', done: 'done' }[c.slice('+slave-reconf-'.length)] ?? c;
    return `reconfiguration of ${who(e)} ${step}`;
  }
  switch (c) {
    case '+sdown':
      return `${who(e)} subjectively down`;
    case '-sdown':
      return `${who(e)} no longer subjectively down`;
    case '+odown':
      return `${who(e)} objectively down (quorum reached)`;
    case '-odown':
      return `${who(e)} no longer objectively down`;
    case '+new-epoch':
      return `new epoch ${e.epoch ?? '?'}`;
    case '+try-failover':
      return `trying to fail over ${who(e)}`;
    case '+vote-for-leader':
      return `voted for leader ${e.leaderRunId?.slice(0, 8) ?? '?'} (epoch ${e.epoch ?? '?'})`;
    case '+elected-leader':
      return `elected leader of the failover (by ${e.reportedBy[0] ?? '?'})`;
    case '+selected-slave':
      return `selected ${who(e)} for promotion`;
    case '+promoted-slave':
      return `${who(e)} promoted`;
    case '+failover-end':
      return 'failover finished';
    case '+failover-end-for-timeout':
      return 'failover ended by timeout';
    case '+switch-master':
      return e.switch ? `master switched from ${e.switch.from} to ${e.switch.to}` : 'master switched';
    case '+convert-to-slave':
      return `${who(e)} converted to a replica`;
    case '+role-change':
    case '-role-change': {
      const role = /new reported role is (\w+)/.exec(e.message)?.[1];
      return role ? `${who(e)} now reports role ${role === 'slave' ? 'replica' : role}` : `${who(e)} changed role`;
    }
    case '+config-update-from':
      return `${who(e)} announced a newer configuration`;
    case '+reboot':
      return `${who(e)} restarted`;
    case '+slave':
      return `new ${who(e)}`;
    case '+sentinel':
      return `new ${who(e)}`;
    case '+tilt':
      return 'a sentinel entered TILT mode (its clock jumped); it stops acting for 30 s';
    case '-tilt':
      return 'a sentinel left TILT mode';
    default:
      return e.message;
  }
}

/** The colour of an event's marker (its words say the same). */
export function eventTone(e: TopologyEvent): 'ok' | 'warn' | 'down' | 'neutral' {
  const c = e.channel;
  if (c === '+sdown' || c === '+odown' || c.startsWith('-failover-abort-')) return 'down';
  if (c === '+tilt' || c === '+failover-end-for-timeout' || c === '+try-failover') return 'warn';
  if (c === '-sdown' || c === '-odown' || c === '+switch-master' || c === '+failover-end' || c === '-tilt') return 'ok';
  return 'neutral';
}
