import type { FailoverReason, FailoverRecord, MasterNode, SentinelNode } from '../../../shared/api/topology';

/** Beyond `down-after-milliseconds`, how long the sentinels get to agree before we say they won't. */
export const AGREEMENT_GRACE_MS = 2_000;

export interface NoFailoverInput {
  master: MasterNode | null;
  sentinels: readonly SentinelNode[];
  majority: number;
  /** The incident unfolding now. */
  record: FailoverRecord | undefined;
  /** Sentinels that see the master down. */
  sDownCount: number;
  now: number;
}

/**
 * Why no failover will happen although the master is down, or undefined while one still can:
 * - the quorum is larger than the number of sentinels (o_down can never be reached);
 * - fewer sentinels are up than a majority (no leader can be elected);
 * - past every sentinel's down-after-milliseconds (plus a grace), fewer than the quorum see it
 *   down.
 * An abort of a started failover (e.g. no leader elected) is reported by Sentinel itself.
 */
export function noFailoverReason(input: NoFailoverInput): FailoverReason | undefined {
  const { master, record, sDownCount: down } = input;
  if (!master || !record || down === 0) return undefined;
  if (record.phases.some((p) => p.phase === 'try-failover') || record.outcome === 'completed') return undefined;
  const total = input.sentinels.length;
  const up = input.sentinels.filter((s) => s.reachable && !s.flags.includes('s_down')).length;
  if (master.quorum > total) {
    return { code: 'quorum-above-sentinels', quorum: master.quorum, sentinels: total };
  }
  if (up < input.majority) {
    return { code: 'majority-down', up, sentinels: total, majority: input.majority };
  }
  if (down < master.quorum && input.now - record.startedAt > master.downAfterMs + AGREEMENT_GRACE_MS) {
    return { code: 'too-few-agree', down, quorum: master.quorum };
  }
  return undefined;
}
