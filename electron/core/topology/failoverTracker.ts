import {
  TIMELINE_LIMITS,
  type FailoverPhase,
  type FailoverRecord,
  type TopologyEvent,
} from '../../../shared/api/topology';
import { abortReason } from './failoverWords';
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
  #manualRequested = false;
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
        if (this.#sDownBy.size === 0) this.#recover(event.at);
        break;
      case '+odown':
        if (!onMaster) break;
        if (!this.#isOngoing()) this.#outage('odown', event.instance!.address, event.at, [reporter], true);
        else this.#mark('odown', event.at);
        break;
      case '+new-epoch':
        this.#lastEpoch = event.epoch;
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
      case '+switch-master':
        // The leader publishes it too, after the others: merged, it is the same switch.
        if (event.switch && (isNew || this.#knownMaster !== event.switch.to)) {
          this.#switched(event.switch.from, event.switch.to, event.at);
        }
        break;
      case '+failover-end':
        this.#mark('replicas-reconfigured', event.at);
        break;
      case '+failover-end-for-timeout':
        if (this.#mark('replicas-reconfigured', event.at)) {
          this.#update({ reason: 'Not every replica was reconfigured within the failover timeout.' });
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
    if (poll.masterAddress && poll.agreed) this.#knownMaster = poll.masterAddress;
    if (poll.masterAddress && known && poll.masterAddress !== known && poll.agreed) {
      // The master moved and no +switch-master reached us.
      this.#switched(known, poll.masterAddress, poll.polledAt, 'Seen by polling: the sentinel events were missed.');
      return;
    }
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
      if (poll.failoverInProgress) this.#start('try-failover', poll.masterAddress, poll.polledAt, false);
      else if (poll.sDownCount > 0) {
        this.#outage('sdown', poll.masterAddress, poll.polledAt, poll.sDownBy ?? [], true);
      }
    }
  }

  /** The master stays down and no failover can start (see noFailoverReason). */
  noQuorum(reason: string): void {
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
    } else {
      // Asked for (SENTINEL FAILOVER), or a retry after an abort while the master is still down.
      const manual = this.#manualRequested || this.#sDownBy.size === 0;
      this.#start('try-failover', event.instance?.address ?? this.#knownMaster ?? '', event.at, manual);
    }
    this.#manualRequested = false;
  }

  #switched(from: string, to: string, at: number, reason?: string): void {
    if (this.#open?.to === to) return; // the same switch, reported again
    this.#knownMaster = to;
    this.#sDownBy.clear();
    if (!this.#isOngoing()) this.#start('switch-master', from, at, false);
    else this.#mark('switch-master', at);
    const open = this.#open!;
    this.#update({ to, outcome: 'completed', durationMs: at - open.startedAt, ...(reason && { reason }) });
  }

  #abort(event: TopologyEvent): void {
    if (!this.#isOngoing()) return;
    this.#update({ outcome: 'aborted', reason: abortReason(event.channel) });
    this.#close(event.at);
  }

  #recover(at: number): void {
    const open = this.#open;
    if (!open || !this.#isOngoing() || has(open, 'try-failover')) return;
    const downFor = ((at - open.startedAt) / 1000).toFixed(1);
    const before = open.outcome === 'no-quorum' ? ` No failover was possible (${open.reason ?? ''}).` : '';
    this.#update({ outcome: 'recovered', reason: `The master came back after ${downFor} s.${before}` });
    this.#recoveredEpoch = this.#lastEpoch;
    this.#close(at);
  }

  #timeout(at: number): void {
    this.#update({ outcome: 'timeout', reason: 'The failover stopped without electing a new master.' });
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

  #attach(event: TopologyEvent): string | undefined {
    const owner = incidentOwner(event, this.#open, this.#records);
    if (!owner) return undefined;
    if (!owner.eventIds.includes(event.id) && owner.eventIds.length < MAX_EVENT_IDS) owner.eventIds.push(event.id);
    return owner.id;
  }
}
