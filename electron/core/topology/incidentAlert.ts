import type { FailoverRecord } from '../../../shared/api/topology';
import type { AlertDraft } from './alertBook';

export interface IncidentContext {
  /** Sentinels that flag the master s_down now, and how many sentinels there are. */
  sDownCount: number;
  sentinels: number;
  quorum: number;
}

/** The one banner of an incident (key `incident:<id>`), as its record evolves. */
export function incidentAlert(record: FailoverRecord, ctx: IncidentContext): AlertDraft {
  const base = { key: `incident:${record.id}`, failoverId: record.id, address: record.from, transient: false };
  const master = record.from;
  const { masterName, reason } = record;
  switch (record.outcome) {
    case 'completed':
      return {
        ...base,
        kind: 'failover-completed',
        severity: 'success',
        message: {
          code: 'failover-completed',
          from: record.from,
          to: record.to ?? '',
          ...(record.durationMs !== undefined && { durationMs: record.durationMs }),
          ...(record.writesBlockedMs !== undefined && { writesBlockedMs: record.writesBlockedMs }),
          abortedAttempts: record.attempts?.length ?? 0,
        },
        address: record.to,
        transient: true,
      };
    case 'aborted':
      return {
        ...base,
        kind: 'failover-aborted',
        severity: 'error',
        message: { code: 'failover-aborted', masterName, ...(reason && { reason }) },
      };
    case 'timeout':
      return {
        ...base,
        kind: 'failover-aborted',
        severity: 'error',
        message: { code: 'failover-timeout', masterName, ...(reason && { reason }) },
      };
    case 'no-quorum':
      return {
        ...base,
        kind: 'no-failover',
        severity: 'error',
        message: {
          code: 'no-failover',
          master,
          sDownCount: ctx.sDownCount,
          sentinels: ctx.sentinels,
          ...(reason && { reason }),
        },
      };
    case 'recovered':
      return {
        ...base,
        kind: 'master-up',
        severity: 'success',
        message: { code: 'master-back', master, ...(reason && { reason }) },
        transient: true,
      };
    case 'in-progress':
      return inProgress(record, ctx, base);
  }
}

function inProgress(
  record: FailoverRecord,
  ctx: IncidentContext,
  base: Omit<AlertDraft, 'kind' | 'severity' | 'message'>,
): AlertDraft {
  const master = record.from;
  const { masterName, leader } = record;
  const phase = record.phases.at(-1)?.phase ?? 'sdown';
  const gaveUp = record.attempts?.at(-1);
  if (gaveUp && (phase === 'sdown' || phase === 'odown')) {
    return {
      ...base,
      kind: 'master-odown',
      severity: 'error',
      message: { code: 'master-still-down', master, ...(gaveUp.reason && { gaveUp: gaveUp.reason }) },
    };
  }
  switch (phase) {
    case 'sdown':
      return {
        ...base,
        kind: 'master-sdown',
        severity: 'warning',
        message: {
          code: 'master-sdown',
          master,
          sDownCount: ctx.sDownCount,
          sentinels: ctx.sentinels,
          quorum: ctx.quorum,
        },
      };
    case 'odown':
      return {
        ...base,
        kind: 'master-odown',
        severity: 'error',
        message: { code: 'master-odown', master, quorum: ctx.quorum },
      };
    case 'try-failover':
    case 'leader-elected':
      return {
        ...base,
        kind: 'failover-started',
        severity: 'warning',
        message: {
          code: 'failover-started',
          masterName,
          manual: record.manual,
          ...(leader && { leader }),
          ...(record.epoch !== undefined && { epoch: record.epoch }),
        },
      };
    default:
      return {
        ...base,
        kind: 'failover-progress',
        severity: 'warning',
        message: {
          code: 'failover-progress',
          masterName,
          ...(leader && { leader }),
          ...(record.selectedReplica && { selectedReplica: record.selectedReplica }),
          promoted: phase === 'promoted' || phase === 'switch-master',
        },
      };
  }
}
