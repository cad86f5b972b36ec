import type { FailoverRecord } from '../../../shared/api/topology';
import type { AlertDraft } from './alertBook';
import { seconds } from './failoverWords';

export interface IncidentContext {
  /** Sentinels that flag the master s_down now, and how many sentinels there are. */
  sDownCount: number;
  sentinels: number;
  quorum: number;
}

/**
 * The sentinels' failover time, and how long writes were blocked here when known: they differ.
 * A session that moved over at once (under 0.05 s) was not blocked in any sense worth saying.
 */
function took(record: FailoverRecord): string {
  const blocked = record.writesBlockedMs;
  const parts = [
    record.durationMs !== undefined && `failover took ${seconds(record.durationMs)}`,
    blocked !== undefined && seconds(blocked) !== seconds(0) && `writes were blocked for ${seconds(blocked)}`,
  ].filter(Boolean);
  return parts.length ? ` — ${parts.join('; ')}` : '';
}

/** ` (after 1 aborted attempt)` when Sentinel needed more than one. */
function retried(record: FailoverRecord): string {
  const n = record.attempts?.length ?? 0;
  return n ? ` (after ${n} aborted attempt${n > 1 ? 's' : ''})` : '';
}

/** The one banner of an incident (key `incident:<id>`), as its record evolves. */
export function incidentAlert(record: FailoverRecord, ctx: IncidentContext): AlertDraft {
  const base = { key: `incident:${record.id}`, failoverId: record.id, address: record.from, transient: false };
  const master = `Master ${record.from}`;
  const name = `"${record.masterName}"`;
  switch (record.outcome) {
    case 'completed':
      return {
        ...base,
        kind: 'failover-completed',
        severity: 'success',
        text: `New master: ${record.to} (was ${record.from})${took(record)}${retried(record)}.`,
        address: record.to,
        transient: true,
      };
    case 'aborted':
      return {
        ...base,
        kind: 'failover-aborted',
        severity: 'error',
        text: `Failover of ${name} aborted: ${record.reason}.`,
      };
    case 'timeout':
      return {
        ...base,
        kind: 'failover-aborted',
        severity: 'error',
        text: `Failover of ${name} did not complete: ${record.reason ?? 'it timed out'}`,
      };
    case 'no-quorum':
      return {
        ...base,
        kind: 'no-failover',
        severity: 'error',
        text: `${master} is down (${ctx.sDownCount} of ${ctx.sentinels} sentinels agree), and no failover is possible: ${record.reason}.`,
      };
    case 'recovered':
      return {
        ...base,
        kind: 'master-up',
        severity: 'success',
        text: `${master} is back — ${record.reason}`,
        transient: true,
      };
    case 'in-progress':
      return inProgress(record, ctx, base);
  }
}

function inProgress(
  record: FailoverRecord,
  ctx: IncidentContext,
  base: Omit<AlertDraft, 'kind' | 'severity' | 'text'>,
): AlertDraft {
  const master = `Master ${record.from}`;
  const phase = record.phases.at(-1)?.phase ?? 'sdown';
  const epoch = record.epoch === undefined ? '' : `, epoch ${record.epoch}`;
  const leader = record.leader ? `sentinel ${record.leader} leads` : 'electing a leader';
  const gaveUp = record.attempts?.at(-1);
  if (gaveUp && (phase === 'sdown' || phase === 'odown')) {
    return {
      ...base,
      kind: 'master-odown',
      severity: 'error',
      text: `${master} is still down: Sentinel gave its failover up (${gaveUp.reason ?? 'aborted'}) and will try again.`,
    };
  }
  switch (phase) {
    case 'sdown':
      return {
        ...base,
        kind: 'master-sdown',
        severity: 'warning',
        text: `${master} is subjectively down: ${ctx.sDownCount} of ${ctx.sentinels} sentinels cannot reach it (quorum ${ctx.quorum}).`,
      };
    case 'odown':
      return {
        ...base,
        kind: 'master-odown',
        severity: 'error',
        text: `${master} is objectively down: the quorum of ${ctx.quorum} sentinels agrees — failover starting.`,
      };
    case 'try-failover':
    case 'leader-elected':
      return {
        ...base,
        kind: 'failover-started',
        severity: 'warning',
        text: `${record.manual ? 'Manual failover' : 'Failover'} of "${record.masterName}" in progress (${leader}${epoch}).`,
      };
    default:
      return {
        ...base,
        kind: 'failover-progress',
        severity: 'warning',
        text: `Failover of "${record.masterName}" in progress: ${leader}${record.selectedReplica ? `, promoting replica ${record.selectedReplica}` : ''}${phase === 'promoted' || phase === 'switch-master' ? ' (promoted, switching clients over)' : ''}.`,
      };
  }
}
