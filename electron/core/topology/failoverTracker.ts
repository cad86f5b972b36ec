import type { FailoverReason, FailoverRecord, TopologyEvent } from '../../../shared/api/topology';
import { hasPhase, IncidentRecords } from './incidentRecords';
import { IncidentTransitions } from './incidentTransitions';
import { MasterReports } from './masterReports';
import type { PollView } from './pollView';

export type { PollView } from './pollView';

/**
 * Groups the sentinel events of one master into incidents (a master outage and/or failover)
 * with their phases, outcome and durations. Events drive it; polls fill in what events missed
 * (a watch started mid-failover, a lost message). Keeps the last `TIMELINE_LIMITS.failovers`.
 */
export class FailoverTracker {
  readonly #incidents: IncidentRecords;
  readonly #reports = new MasterReports();
  readonly #moves: IncidentTransitions;

  constructor(masterName: string, onChange: (record: FailoverRecord) => void) {
    this.#incidents = new IncidentRecords(masterName, onChange);
    this.#moves = new IncidentTransitions(this.#incidents, this.#reports);
  }

  get records(): readonly FailoverRecord[] {
    return this.#incidents.all;
  }

  /** The incident unfolding now, if any. */
  get open(): FailoverRecord | undefined {
    return this.#incidents.open;
  }

  /**
   * The master before the current one: the old master of the latest switch. Masters of earlier
   * switches are not "the former master" any more.
   */
  get formerMaster(): string | undefined {
    return this.#incidents.lastSwitch?.from;
  }

  /** Sentinels that reported the master subjectively down (by event). */
  get sDownReporters(): number {
    return this.#reports.sDownBy.size;
  }

  /** `SENTINEL FAILOVER` is being sent (or was refused): the next failover is a manual one. */
  expectManual(on = true): void {
    this.#reports.manualRequested = on;
  }

  /** Feeds one sentinel event (first report or merge); returns the incident it belongs to, if any. */
  handle(event: TopologyEvent, isNew: boolean): string | undefined {
    const reports = this.#reports;
    const incidents = this.#incidents;
    reports.changedAt = Math.max(reports.changedAt, event.at);
    const reporter = event.reportedBy.at(-1) ?? '';
    const onMaster = event.instance?.role === 'master';
    switch (event.channel) {
      case '+sdown':
        if (!onMaster) break;
        reports.sDownBy.add(reporter);
        if (!incidents.isOngoing()) this.#moves.outage('sdown', event.instance!.address, event.at, [reporter], isNew);
        break;
      case '-sdown':
        if (!onMaster) break;
        reports.sDownBy.delete(reporter);
        reports.upBy.add(reporter);
        if (reports.sDownBy.size === 0) {
          reports.masterBackAt = event.at;
          this.#moves.recover(event.at);
        }
        break;
      case '+odown':
        if (!onMaster) break;
        if (!incidents.isOngoing()) this.#moves.outage('odown', event.instance!.address, event.at, [reporter], true);
        else incidents.mark('odown', event.at);
        break;
      case '+new-epoch':
        reports.seeEpoch(event.epoch);
        break;
      case '+try-failover':
        if (isNew) this.#moves.tryFailover(event);
        break;
      case '+elected-leader':
        if (incidents.mark('leader-elected', event.at)) incidents.update({ leader: reporter });
        break;
      case '+selected-slave':
        if (incidents.mark('selected-replica', event.at))
          incidents.update({ selectedReplica: event.instance?.address });
        break;
      case '+promoted-slave':
        incidents.mark('promoted', event.at);
        break;
      case '+switch-master': {
        // Every sentinel publishes it once it learns the new configuration, some seconds later
        // than others: a report of a switch already recorded joins that incident.
        if (!event.switch) break;
        const owner = this.#moves.switched(event.switch.from, event.switch.to, event.at);
        // The message names no epoch: the switch it reports has one.
        if (owner?.epoch !== undefined) event.epoch ??= owner.epoch;
        return incidents.attach(event, owner);
      }
      case '+failover-end':
        incidents.mark('replicas-reconfigured', event.at);
        break;
      case '+failover-end-for-timeout':
        if (incidents.mark('replicas-reconfigured', event.at))
          incidents.update({ reason: { code: 'reconfig-timeout' } });
        break;
      default:
        if (event.channel.startsWith('-failover-abort-')) this.#moves.abort(event);
    }
    return incidents.attach(event);
  }

  /** Reconciles with a poll: end of a failover, or changes whose events were missed. */
  reconcile(poll: PollView): void {
    const reports = this.#reports;
    const incidents = this.#incidents;
    if (poll.polledAt <= reports.changedAt) return;
    const known = reports.knownMaster;
    if (poll.agreed && poll.configEpoch !== undefined) reports.configEpoch = poll.configEpoch;
    if (poll.masterAddress && poll.agreed) reports.knownMaster = poll.masterAddress;
    if (poll.masterAddress && known && poll.masterAddress !== known && poll.agreed) {
      // The master moved and no +switch-master reached us.
      const missed = { code: 'switch-seen-by-polling' } as const;
      this.#moves.switched(known, poll.masterAddress, poll.polledAt, missed, poll.configEpoch);
      return;
    }
    this.#moves.fillSwitchEpoch(poll);
    if (poll.sDownCount === 0 && !poll.failoverInProgress) reports.masterBackAt = poll.polledAt;
    const open = incidents.open;
    if (open) {
      const lastChange = open.phases.at(-1)?.at ?? open.startedAt;
      const settled = poll.agreed && !poll.failoverInProgress && poll.masterAddress === open.to;
      if (open.outcome === 'completed' && settled) {
        incidents.mark('end', poll.polledAt);
        incidents.close(poll.polledAt);
      } else if (!hasPhase(open, 'try-failover') && poll.sDownCount === 0 && !poll.failoverInProgress) {
        this.#moves.recover(poll.polledAt);
      } else if (hasPhase(open, 'try-failover') && open.outcome === 'in-progress' && !poll.failoverInProgress) {
        if (poll.polledAt - lastChange > poll.failoverTimeoutMs) this.#moves.timeout(poll.polledAt);
      }
    }
    // A completed failover stays open until it settles: its leader still flags failover_in_progress.
    if (!incidents.open && poll.masterAddress) {
      if (poll.failoverInProgress) this.#moves.failoverSeen(poll.masterAddress, poll.polledAt);
      else if (poll.sDownCount > 0) {
        this.#moves.outage('sdown', poll.masterAddress, poll.polledAt, poll.sDownBy ?? [], true);
      }
    }
  }

  /** See IncidentRecords.writesBlocked. */
  writesBlocked(lostAt: number, resumedAt: number): void {
    this.#incidents.writesBlocked(lostAt, resumedAt);
  }

  /** The master stays down and no failover can start (see noFailoverReason). */
  noQuorum(reason: FailoverReason): void {
    this.#moves.noQuorum(reason);
  }
}
