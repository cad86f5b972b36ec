import type { FailoverPhase, FailoverReason, FailoverRecord, TopologyEvent } from '../../../shared/api/topology';
import { abortReason } from './abortReason';
import { isRetryOf, keepGivenUpAttempt, sameSwitch } from './incidentIdentity';
import { justRecovered } from './incidentOwner';
import { hasPhase, type IncidentRecords } from './incidentRecords';
import type { MasterReports } from './masterReports';
import type { PollView } from './pollView';

/**
 * How an incident moves: an outage starts or continues one, a failover attempt starts or
 * retries, a switch completes it (or is one already recorded), an abort, recovery or timeout
 * ends it. The failover tracker decides from events and polls which of these happened.
 */
export class IncidentTransitions {
  readonly #incidents: IncidentRecords;
  readonly #reports: MasterReports;

  constructor(incidents: IncidentRecords, reports: MasterReports) {
    this.#incidents = incidents;
    this.#reports = reports;
  }

  /** The master stays down and no failover can start (see noFailoverReason). */
  noQuorum(reason: FailoverReason): void {
    const open = this.#incidents.open;
    if (!open || open.outcome !== 'in-progress' || hasPhase(open, 'try-failover')) return;
    this.#incidents.update({ outcome: 'no-quorum', reason });
  }

  /** The master is reported down by `reporters`: the last outage again (see justRecovered), or a new one. */
  outage(phase: FailoverPhase, from: string, at: number, reporters: readonly string[], isNew: boolean): void {
    const incidents = this.#incidents;
    const last = incidents.last;
    if (this.#retrying(from)) {
      // Still down after Sentinel gave its attempt up: the same outage, waiting for the retry.
      this.#reopenAborted(last!);
      return;
    }
    if (!justRecovered(last, from, at) || incidents.open || !this.#reports.lagging(reporters)) {
      if (isNew) this.#start(phase, from, at, false);
      return;
    }
    delete last.endedAt;
    delete last.reason;
    last.outcome = 'in-progress';
    incidents.reopen(last);
    if (!incidents.mark(phase, at)) incidents.changed(last);
  }

  #start(phase: FailoverPhase, from: string, at: number, manual: boolean): void {
    const { lastEpoch } = this.#reports;
    this.#incidents.start(phase, from, at, manual, phase === 'try-failover' ? lastEpoch : undefined);
    this.#reports.upBy.clear();
  }

  tryFailover(event: TopologyEvent): void {
    const reports = this.#reports;
    const incidents = this.#incidents;
    const open = incidents.open;
    const from = event.instance?.address ?? reports.knownMaster ?? '';
    if (open && incidents.isOngoing() && !hasPhase(open, 'try-failover')) {
      incidents.mark('try-failover', event.at);
      incidents.update({ outcome: 'in-progress', reason: undefined });
      if (reports.lastEpoch !== undefined) incidents.update({ epoch: reports.lastEpoch });
    } else if (!reports.manualRequested && this.#retrying(from)) {
      this.failoverSeen(from, event.at);
    } else {
      // Asked for (SENTINEL FAILOVER), or a failover of a master whose outage we did not see.
      const manual = reports.manualRequested || reports.sDownBy.size === 0;
      this.#start('try-failover', from, event.at, manual);
    }
    reports.manualRequested = false;
  }

  /**
   * A failover attempt of `from` runs, and no incident is open: Sentinel trying again after
   * giving an attempt up (or another sentinel's attempt still running) continues that incident.
   */
  failoverSeen(from: string, at: number): void {
    if (!this.#retrying(from)) {
      this.#start('try-failover', from, at, false);
      return;
    }
    this.#reopenAborted(this.#incidents.last!);
    this.#incidents.mark('try-failover', at);
    if (this.#reports.lastEpoch !== undefined) this.#incidents.update({ epoch: this.#reports.lastEpoch });
  }

  #retrying(from: string): boolean {
    return isRetryOf(this.#incidents.last, from, this.#incidents.isOngoing(), this.#reports.masterBackAt);
  }

  #reopenAborted(record: FailoverRecord): void {
    keepGivenUpAttempt(record);
    this.#incidents.reopen(record);
    this.#incidents.changed(record);
  }

  /** A switch recorded without its epoch (its +new-epoch was missed) takes the one it gave the master. */
  fillSwitchEpoch(poll: PollView): void {
    const last = this.#incidents.lastSwitch;
    if (!last || last.epoch !== undefined || poll.configEpoch === undefined || !poll.agreed) return;
    if (poll.masterAddress !== last.to) return;
    last.epoch = poll.configEpoch;
    this.#incidents.changed(last);
  }

  switched(from: string, to: string, at: number, reason?: FailoverReason, configEpoch?: number) {
    const incidents = this.#incidents;
    const same = sameSwitch(incidents.all, incidents.open, { from, to, configEpoch }, this.#reports.configEpoch);
    if (same) return same;
    this.#reports.knownMaster = to;
    this.#reports.sDownBy.clear();
    if (!incidents.isOngoing()) this.#start('switch-master', from, at, false);
    else incidents.mark('switch-master', at);
    const open = incidents.open!;
    // A failover's epoch is the config epoch it gives the master; without one seen, a poll fills it.
    const epoch = open.epoch ?? configEpoch;
    incidents.update({
      to,
      outcome: 'completed',
      durationMs: at - open.startedAt,
      ...(epoch !== undefined && { epoch }),
      ...(reason && { reason }),
    });
    return open;
  }

  abort(event: TopologyEvent): void {
    if (!this.#incidents.isOngoing()) return;
    this.#incidents.update({ outcome: 'aborted', reason: abortReason(event.channel) });
    this.#incidents.close(event.at);
  }

  recover(at: number): void {
    const open = this.#incidents.open;
    if (!open || !this.#incidents.isOngoing() || hasPhase(open, 'try-failover')) return;
    const noFailover = open.outcome === 'no-quorum' ? open.reason : undefined;
    const reason: FailoverReason = {
      code: 'came-back',
      downForMs: at - open.startedAt,
      ...(noFailover && { noFailover }),
    };
    this.#incidents.update({ outcome: 'recovered', reason });
    this.#reports.recoveredEpoch = this.#reports.lastEpoch;
    this.#incidents.close(at);
  }

  timeout(at: number): void {
    this.#incidents.update({ outcome: 'timeout', reason: { code: 'no-new-master' } });
    this.#incidents.close(at);
  }
}
