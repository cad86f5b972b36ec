import {
  TIMELINE_LIMITS,
  type FailoverAttempt,
  type FailoverPhase,
  type FailoverReason,
  type FailoverRecord,
  type TopologyEvent,
} from '../../../shared/api/topology';
import { abortReason } from './abortReason';
import { incidentOwner, justRecovered } from './incidentOwner';

/** What a poll says about the master, for the parts of the timeline that events may have missed. */
export interface PollView {
  /** When the poll started: only later changes can be judged by it. */
  polledAt: number;
  masterAddress: string | null;
  failoverInProgress: boolean;
  /** Every reachable sentinel reports `masterAddress`. */
  agreed: boolean;
  /** How many sentinels flag the master s_down, and which. */
  sDownCount: number;
  sDownBy?: readonly string[];
  failoverTimeoutMs: number;
  /** `config-epoch` of the master's entry (`SENTINEL MASTER`): the epoch of its last switch. */
  configEpoch?: number;
}

const MAX_EVENT_IDS = 500;

const FINISHED = new Set(['completed', 'aborted', 'timeout', 'recovered']);

const has = (record: FailoverRecord, phase: FailoverPhase): boolean => record.phases.some((p) => p.phase === phase);

/**
 * Groups the sentinel events of one master into incidents (a master outage and/or failover)
 * with their phases, outcome and durations. Events drive it; polls fill in what events missed
 * (a watch started mid-failover, a lost message). Keeps the last `TIMELINE_LIMITS.failovers`.
 */
export class FailoverTracker {
  readonly #masterName: string;
  readonly #onChange: (record: FailoverRecord) => void;
  #records: FailoverRecord[] = [];
  /** The incident still unfolding (until its end phase, or until the next one starts). */
  #open: FailoverRecord | undefined;
  /** Sentinels that published `+sdown` for the master and not `-sdown` yet. */
  #sDownBy = new Set<string>();
  /** Sentinels that published `-sdown` for the master during the current (or last) outage. */
  #upBy = new Set<string>();
  /** The epoch when the last outage recovered. */
  #recoveredEpoch: number | undefined;
  #lastEpoch: number | undefined;
  /** The master's config epoch the sentinels agreed on at the last poll (the last switch's). */
  #configEpoch: number | undefined;
  #manualRequested = false;
  /** When the sentinels last reported the master back up (no sentinel flags it s_down). */
  #masterBackAt = 0;
  #knownMaster: string | null = null;
  /** When the last event arrived: a poll that started before it is stale. */
  #changedAt = 0;
  #seq = 0;

  constructor(masterName: string, onChange: (record: FailoverRecord) => void) {
    this.#masterName = masterName;
    this.#onChange = onChange;
  }

  get records(): readonly FailoverRecord[] {
    return this.#records;
  }

  /** The incident unfolding now, if any. */
  get open(): FailoverRecord | undefined {
    return this.#open;
  }

  /**
   * The master before the current one: the old master of the latest switch. Masters of earlier
   * switches are not "the former master" any more.
   */
  get formerMaster(): string | undefined {
    return this.#records.findLast((r) => r.to !== undefined)?.from;
  }

  /** Sentinels that reported the master subjectively down (by event). */
  get sDownReporters(): number {
    return this.#sDownBy.size;
  }

  /** `SENTINEL FAILOVER` is being sent (or was refused): the next failover is a manual one. */
  expectManual(on = true): void {
    this.#manualRequested = on;
  }

  /** Feeds one event (first report or merge); returns the incident it belongs to, if any. */
  handle(event: TopologyEvent, isNew: boolean): string | undefined {
    this.#changedAt = Math.max(this.#changedAt, event.at);
    const reporter = event.reportedBy.at(-1) ?? '';
    const onMaster = event.instance?.role === 'master';
    switch (event.channel) {
      case '+sdown':
        if (!onMaster) break;
        this.#sDownBy.add(reporter);
        if (!this.#isOngoing()) this.#outage('sdown', event.instance!.address, event.at, [reporter], isNew);
        break;
      case '-sdown':
        if (!onMaster) break;
        this.#sDownBy.delete(reporter);
        this.#upBy.add(reporter);
        if (this.#sDownBy.size === 0) {
          this.#masterBackAt = event.at;
          this.#recover(event.at);
        }
        break;
      case '+odown':
        if (!onMaster) break;
        if (!this.#isOngoing()) this.#outage('odown', event.instance!.address, event.at, [reporter], true);
        else this.#mark('odown', event.at);
        break;
      case '+new-epoch':
        this.#seeEpoch(event.epoch);
        break;
      case '+try-failover':
        if (isNew) this.#tryFailover(event);
        break;
      case '+elected-leader':
        if (this.#mark('leader-elected', event.at)) this.#update({ leader: reporter });
        break;
      case '+selected-slave':
        if (this.#mark('selected-replica', event.at)) this.#update({ selectedReplica: event.instance?.address });
        break;
      case '+promoted-slave':
        this.#mark('promoted', event.at);
        break;
      case '+switch-master': {
        // Every sentinel publishes it once it learns the new configuration, some seconds later
        // than others: a report of a switch already recorded joins that incident.
        if (!event.switch) break;
        const owner = this.#switched(event.switch.from, event.switch.to, event.at);
        // The message names no epoch: the switch it reports has one.
        if (owner?.epoch !== undefined) event.epoch ??= owner.epoch;
        return this.#attach(event, owner);
      }
      case '+failover-end':
        this.#mark('replicas-reconfigured', event.at);
        break;
      case '+failover-end-for-timeout':
        if (this.#mark('replicas-reconfigured', event.at)) {
          this.#update({ reason: { code: 'reconfig-timeout' } });
        }
        break;
      default:
        if (event.channel.startsWith('-failover-abort-')) this.#abort(event);
    }
    return this.#attach(event);
  }

  /** Reconciles with a poll: end of a failover, or changes whose events were missed. */
  reconcile(poll: PollView): void {
    if (poll.polledAt <= this.#changedAt) return;
    const known = this.#knownMaster;
    if (poll.agreed && poll.configEpoch !== undefined) this.#configEpoch = poll.configEpoch;
    if (poll.masterAddress && poll.agreed) this.#knownMaster = poll.masterAddress;
    if (poll.masterAddress && known && poll.masterAddress !== known && poll.agreed) {
      // The master moved and no +switch-master reached us.
      const missed = { code: 'switch-seen-by-polling' } as const;
      this.#switched(known, poll.masterAddress, poll.polledAt, missed, poll.configEpoch);
      return;
    }
    this.#fillSwitchEpoch(poll);
    if (poll.sDownCount === 0 && !poll.failoverInProgress) this.#masterBackAt = poll.polledAt;
    const open = this.#open;
    if (open) {
      const lastChange = open.phases.at(-1)?.at ?? open.startedAt;
      const settled = poll.agreed && !poll.failoverInProgress && poll.masterAddress === open.to;
      if (open.outcome === 'completed' && settled) {
        this.#mark('end', poll.polledAt);
        this.#close(poll.polledAt);
      } else if (!has(open, 'try-failover') && poll.sDownCount === 0 && !poll.failoverInProgress) {
        this.#recover(poll.polledAt);
      } else if (has(open, 'try-failover') && open.outcome === 'in-progress' && !poll.failoverInProgress) {
        if (poll.polledAt - lastChange > poll.failoverTimeoutMs) this.#timeout(poll.polledAt);
      }
    }
    // A completed failover stays open until it settles: its leader still flags failover_in_progress.
    if (!this.#open && poll.masterAddress) {
      if (poll.failoverInProgress) this.#failoverSeen(poll.masterAddress, poll.polledAt);
      else if (poll.sDownCount > 0) {
        this.#outage('sdown', poll.masterAddress, poll.polledAt, poll.sDownBy ?? [], true);
      }
    }
  }

  /**
   * A data session could not write from `lostAt` until `resumedAt`: the incident it overlaps
   * (the latest one started before the session was back) keeps the longest such pause.
   */
  writesBlocked(lostAt: number, resumedAt: number): void {
    const record = this.#records.findLast((r) => r.startedAt <= resumedAt);
    if (!record || (record.endedAt !== undefined && lostAt > record.endedAt)) return;
    const pause = Math.max(0, resumedAt - lostAt);
    if (record.writesBlockedMs !== undefined && record.writesBlockedMs >= pause) return;
    record.writesBlockedMs = pause;
    this.#onChange(record);
  }

  /** The master stays down and no failover can start (see noFailoverReason). */
  noQuorum(reason: FailoverReason): void {
    const open = this.#open;
    if (!open || open.outcome !== 'in-progress' || has(open, 'try-failover')) return;
    this.#update({ outcome: 'no-quorum', reason });
  }

  #isOngoing(): boolean {
    return !!this.#open && !FINISHED.has(this.#open.outcome);
  }

  /** The master is reported down by `reporters`: the last outage again (see justRecovered), or a new one. */
  #outage(phase: FailoverPhase, from: string, at: number, reporters: readonly string[], isNew: boolean): void {
    const last = this.#records.at(-1);
    if (this.#retrying(from)) {
      // Still down after Sentinel gave its attempt up: the same outage, waiting for the retry.
      this.#reopenAborted(last!);
      return;
    }
    const lagging = reporters.some((r) => !this.#upBy.has(r)) && this.#recoveredEpoch === this.#lastEpoch;
    if (!justRecovered(last, from, at) || this.#open || !lagging) {
      if (isNew) this.#start(phase, from, at, false);
      return;
    }
    delete last.endedAt;
    delete last.reason;
    last.outcome = 'in-progress';
    this.#open = last;
    if (!this.#mark(phase, at)) this.#onChange(last);
  }

  #start(phase: FailoverPhase, from: string, at: number, manual: boolean): void {
    if (this.#open) this.#close(at);
    this.#upBy.clear();
    const record: FailoverRecord = {
      id: `f${++this.#seq}-${at}`,
      masterName: this.#masterName,
      manual,
      from,
      phases: [{ phase, at, sincePreviousMs: 0 }],
      outcome: 'in-progress',
      startedAt: at,
      eventIds: [],
      ...(this.#lastEpoch !== undefined && phase === 'try-failover' && { epoch: this.#lastEpoch }),
    };
    this.#records.push(record);
    if (this.#records.length > TIMELINE_LIMITS.failovers) this.#records.shift();
    this.#open = record;
    this.#onChange(record);
  }

  #tryFailover(event: TopologyEvent): void {
    const open = this.#open;
    if (open && open.outcome !== 'completed' && !FINISHED.has(open.outcome) && !has(open, 'try-failover')) {
      this.#mark('try-failover', event.at);
      this.#update({ outcome: 'in-progress', reason: undefined });
      if (this.#lastEpoch !== undefined) this.#update({ epoch: this.#lastEpoch });
    } else if (!this.#manualRequested && this.#retrying(event.instance?.address ?? this.#knownMaster ?? '')) {
      this.#failoverSeen(event.instance?.address ?? this.#knownMaster ?? '', event.at);
    } else {
      // Asked for (SENTINEL FAILOVER), or a failover of a master whose outage we did not see.
      const manual = this.#manualRequested || this.#sDownBy.size === 0;
      this.#start('try-failover', event.instance?.address ?? this.#knownMaster ?? '', event.at, manual);
    }
    this.#manualRequested = false;
  }

  /**
   * A failover attempt of `from` runs, and no incident is open: Sentinel trying again after
   * giving an attempt up (or another sentinel's attempt still running) continues that incident.
   */
  #failoverSeen(from: string, at: number): void {
    if (!this.#retrying(from)) {
      this.#start('try-failover', from, at, false);
      return;
    }
    this.#reopenAborted(this.#records.at(-1)!);
    this.#mark('try-failover', at);
    if (this.#lastEpoch !== undefined) this.#update({ epoch: this.#lastEpoch });
  }

  /**
   * The last incident is an automatic failover of `from` that Sentinel gave up, and the master
   * has not been reported back up since: a new report of it down, or a new attempt, continues it.
   */
  #retrying(from: string): boolean {
    const last = this.#records.at(-1);
    if (!last || this.#isOngoing() || last.outcome !== 'aborted' || last.manual || last.from !== from) return false;
    return this.#masterBackAt <= (last.endedAt ?? 0);
  }

  /** Keeps the given-up attempt in `attempts` and reopens the incident for the next one. */
  #reopenAborted(record: FailoverRecord): void {
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
    this.#open = record;
    this.#onChange(record);
  }

  /** The epoch a switch happening now belongs to: the newest the deployment has told us. */
  #seeEpoch(epoch: number | undefined): void {
    if (epoch !== undefined && (this.#lastEpoch === undefined || epoch > this.#lastEpoch)) this.#lastEpoch = epoch;
  }

  /**
   * The incident that already recorded this switch, if any. A switch is identified by the
   * deployment's own facts — its old and new master and its config epoch — never by how long
   * ago it was reported. A report of `from → to` already recorded is that switch again unless
   * a newer one is known: a failover of `from` running now, or a config epoch past the
   * recorded one (`configEpoch`: the poll that saw the move; otherwise the last poll's, which
   * only speaks for the latest switch — an older switch reported late stays that switch).
   */
  #sameSwitch(from: string, to: string, configEpoch: number | undefined): FailoverRecord | undefined {
    const recorded = this.#records.findLast((r) => r.to === to && r.from === from);
    if (!recorded) return undefined;
    const open = this.#open;
    if (open && open !== recorded && open.from === from && !open.to && has(open, 'try-failover')) return undefined;
    const latest = this.#records.findLast((r) => r.to !== undefined) === recorded;
    const epoch = configEpoch ?? (latest ? this.#configEpoch : undefined);
    const newer = epoch !== undefined && recorded.epoch !== undefined && epoch > recorded.epoch;
    return newer ? undefined : recorded;
  }

  /** A switch recorded without its epoch (its +new-epoch was missed) takes the one it gave the master. */
  #fillSwitchEpoch(poll: PollView): void {
    const last = this.#records.findLast((r) => r.to !== undefined);
    if (!last || last.epoch !== undefined || poll.configEpoch === undefined || !poll.agreed) return;
    if (poll.masterAddress !== last.to) return;
    last.epoch = poll.configEpoch;
    this.#onChange(last);
  }

  #switched(
    from: string,
    to: string,
    at: number,
    reason?: FailoverReason,
    configEpoch?: number,
  ): FailoverRecord | undefined {
    const same = this.#sameSwitch(from, to, configEpoch);
    if (same) return same;
    this.#knownMaster = to;
    this.#sDownBy.clear();
    if (!this.#isOngoing()) this.#start('switch-master', from, at, false);
    else this.#mark('switch-master', at);
    const open = this.#open!;
    // A failover's epoch is the config epoch it gives the master; without one seen, a poll fills it.
    const epoch = open.epoch ?? configEpoch;
    this.#update({
      to,
      outcome: 'completed',
      durationMs: at - open.startedAt,
      ...(epoch !== undefined && { epoch }),
      ...(reason && { reason }),
    });
    return open;
  }

  #abort(event: TopologyEvent): void {
    if (!this.#isOngoing()) return;
    this.#update({ outcome: 'aborted', reason: abortReason(event.channel) });
    this.#close(event.at);
  }

  #recover(at: number): void {
    const open = this.#open;
    if (!open || !this.#isOngoing() || has(open, 'try-failover')) return;
    const noFailover = open.outcome === 'no-quorum' ? open.reason : undefined;
    const reason: FailoverReason = {
      code: 'came-back',
      downForMs: at - open.startedAt,
      ...(noFailover && { noFailover }),
    };
    this.#update({ outcome: 'recovered', reason });
    this.#recoveredEpoch = this.#lastEpoch;
    this.#close(at);
  }

  #timeout(at: number): void {
    this.#update({ outcome: 'timeout', reason: { code: 'no-new-master' } });
    this.#close(at);
  }

  /** Adds a phase (once) to the ongoing incident; false when there is none. */
  #mark(phase: FailoverPhase, at: number): boolean {
    const open = this.#open;
    if (!open || open.endedAt !== undefined || has(open, phase)) return false;
    const previous = open.phases.at(-1)?.at ?? open.startedAt;
    open.phases = [...open.phases, { phase, at, sincePreviousMs: Math.max(0, at - previous) }];
    this.#onChange(open);
    return true;
  }

  #close(at: number): void {
    const open = this.#open;
    if (!open) return;
    this.#open = undefined;
    if (open.endedAt === undefined) {
      open.endedAt = at;
      if (open.outcome === 'in-progress' || open.outcome === 'no-quorum') open.outcome = 'timeout';
      this.#onChange(open);
    }
  }

  #update(change: Partial<FailoverRecord>): void {
    const open = this.#open;
    if (!open) return;
    Object.assign(open, change);
    if (change.reason === undefined && 'reason' in change) delete open.reason;
    this.#onChange(open);
  }

  #attach(event: TopologyEvent, known?: FailoverRecord): string | undefined {
    const owner = known ?? incidentOwner(event, this.#open, this.#records);
    if (!owner) return undefined;
    if (!owner.eventIds.includes(event.id) && owner.eventIds.length < MAX_EVENT_IDS) owner.eventIds.push(event.id);
    return owner.id;
  }
}
