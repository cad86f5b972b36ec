import type { FailoverAttempt, FailoverRecord } from '../../../shared/api/topology';
import { hasPhase } from './incidentRecords';

/**
 * Which incident a switch or a new attempt belongs to, from the deployment's own facts (old
 * and new master, config epoch, whether the master was reported back), never from how long ago
 * something was reported.
 */

/**
 * The incident that already recorded this switch, if any. A report of `from → to` already
 * recorded is that switch again unless a newer one is known: a failover of `from` running now,
 * or a config epoch past the recorded one (`configEpoch`: the poll that saw the move; otherwise
 * `lastConfigEpoch`, the last poll's, which only speaks for the latest switch — an older switch
 * reported late stays that switch).
 */
export function sameSwitch(
  records: readonly FailoverRecord[],
  open: FailoverRecord | undefined,
  move: { from: string; to: string; configEpoch: number | undefined },
  lastConfigEpoch: number | undefined,
): FailoverRecord | undefined {
  const { from, to } = move;
  const recorded = records.findLast((r) => r.to === to && r.from === from);
  if (!recorded) return undefined;
  if (open && open !== recorded && open.from === from && !open.to && hasPhase(open, 'try-failover')) return undefined;
  const latest = records.findLast((r) => r.to !== undefined) === recorded;
  const epoch = move.configEpoch ?? (latest ? lastConfigEpoch : undefined);
  const newer = epoch !== undefined && recorded.epoch !== undefined && epoch > recorded.epoch;
  return newer ? undefined : recorded;
}

/**
 * `last` is an automatic failover of `from` that Sentinel gave up, nothing else is ongoing, and
 * the master has not been reported back up since (`masterBackAt`): a new report of it down, or
 * a new attempt, continues that incident.
 */
export function isRetryOf(
  last: FailoverRecord | undefined,
  from: string,
  ongoing: boolean,
  masterBackAt: number,
): last is FailoverRecord {
  if (!last || ongoing || last.outcome !== 'aborted' || last.manual || last.from !== from) return false;
  return masterBackAt <= (last.endedAt ?? 0);
}

/** Keeps the given-up attempt of `record` in `attempts` and resets it for the next one (in place). */
export function keepGivenUpAttempt(record: FailoverRecord): void {
  const first = record.phases.findIndex((p) => p.phase === 'try-failover');
  const attempt: FailoverAttempt = {
    ...(record.epoch !== undefined && { epoch: record.epoch }),
    at: record.phases[first]?.at ?? record.startedAt,
    ...(record.endedAt !== undefined && { endedAt: record.endedAt }),
    ...(record.reason && { reason: record.reason }),
  };
  record.attempts = [...(record.attempts ?? []), attempt];
  if (first >= 0) record.phases = record.phases.slice(0, first);
  for (const key of ['endedAt', 'reason', 'leader', 'selectedReplica', 'epoch'] as const) delete record[key];
  record.outcome = 'in-progress';
}
