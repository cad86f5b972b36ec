import type { FailoverBlocked } from '../../../shared/api/topology';
import type { AlertDraft } from './alertBook';
import type { SentinelState } from './snapshotBuilder';

/**
 * Whether a failover could happen now, should the master fail — asked before it is needed:
 * every sentinel that answered `SENTINEL CKQUORUM` says NOQUORUM, or fewer than a majority of
 * the known sentinels answer us. One sentinel answering OK is enough: it could lead a failover.
 */
export function failoverBlocked(sentinels: readonly SentinelState[], quorum?: number): FailoverBlocked | undefined {
  const total = sentinels.length;
  if (total === 0) return undefined;
  const answering = sentinels.filter((s) => s.reachable && s.answer?.master);
  if (answering.length === 0) return undefined; // nothing to judge by: the snapshot says unreachable
  const majority = Math.floor(total / 2) + 1;
  const base = { reachable: answering.length, sentinels: total, majority, ...(quorum && { quorum }) };
  const verdicts = answering.flatMap((s) => (s.answer?.ckquorum ? [s.answer.ckquorum] : []));
  if (verdicts.length > 0 && verdicts.every((v) => !v.ok)) {
    const counts = verdicts.flatMap((v) => (v.usable === undefined ? [] : [v.usable]));
    return { code: 'noquorum', ...base, ...(counts.length && { usable: Math.min(...counts) }) };
  }
  if (answering.length < majority) return { code: 'majority-unreachable', ...base };
  return undefined;
}

/**
 * The banner under `quorum:<master>`: raised when failover becomes impossible, turned into a
 * transient "possible again" once it was announced and the quorum is back.
 */
export function failoverBlockedAlert(
  blocked: FailoverBlocked | undefined,
  announced: string | undefined,
  masterName: string,
): AlertDraft | undefined {
  const base = { key: `quorum:${masterName}` };
  if (!blocked) {
    if (announced !== 'failover-impossible') return undefined;
    return {
      ...base,
      kind: 'failover-possible',
      severity: 'success',
      message: { code: 'failover-possible', masterName },
      transient: true,
    };
  }
  return {
    ...base,
    kind: 'failover-impossible',
    severity: 'error',
    message: { code: 'failover-impossible', masterName, blocked },
    transient: false,
  };
}
