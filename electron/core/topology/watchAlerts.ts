import type { FailoverRecord, TopologyAlert } from '../../../shared/api/topology';
import type { EventBus } from '../events/eventBus';
import { AlertBook, type AlertDraft } from './alertBook';
import { failoverBlockedAlert } from './failoverBlocked';
import type { FailoverTracker } from './failoverTracker';
import { incidentAlert, type IncidentContext } from './incidentAlert';
import { noFailoverReason } from './noFailover';
import { nodeAlerts } from './nodeAlerts';
import type { BuiltTopology } from './snapshotBuilder';

/**
 * The banners of one watch, derived after every change of the view: nodes down/up, failover
 * possible or not, and the incident's own banner — which also needs the verdict that no
 * failover can happen, so that verdict is handed to the tracker here.
 */
export class WatchAlerts {
  readonly #book: AlertBook;
  readonly #tracker: () => FailoverTracker;
  readonly #masterName: string;

  constructor(init: { watchId: string; masterName: string; events: EventBus; tracker: () => FailoverTracker }) {
    this.#masterName = init.masterName;
    this.#tracker = init.tracker;
    this.#book = new AlertBook(init.watchId, init.masterName, (alert) => init.events.emit('topology.alert', alert));
  }

  list(): TopologyAlert[] {
    return this.#book.list();
  }

  raise(draft: AlertDraft, onlyOnKindChange = false): void {
    this.#book.raise(draft, Date.now(), { onlyOnKindChange });
  }

  /** After a poll or an event: every banner the view calls for. */
  afterChange(built: BuiltTopology, connecting: ReadonlySet<string>): void {
    const tracker = this.#tracker();
    const announced = (key: string) => this.#book.latest(key)?.kind;
    const former = tracker.formerMaster;
    const formerMasters = new Set(former ? [former] : []);
    for (const draft of nodeAlerts(built, { announced, formerMasters, connecting })) this.raise(draft, true);
    const quorumKey = `quorum:${this.#masterName}`;
    const quorum = failoverBlockedAlert(built.failoverBlocked, announced(quorumKey), this.#masterName);
    if (quorum) this.raise(quorum);
    const open = tracker.open;
    const reason = noFailoverReason({
      master: built.master,
      sentinels: built.sentinels,
      majority: built.majority,
      record: open,
      sDownCount: this.sDownCount(built),
      now: Date.now(),
    });
    if (reason) tracker.noQuorum(reason);
    if (open) this.raise(incidentAlert(open, this.#incidentContext(built)));
  }

  /** An incident changed: its banner says so. */
  incidentChanged(record: FailoverRecord, built: BuiltTopology): void {
    this.raise(incidentAlert(record, this.#incidentContext(built)));
  }

  /** Sentinels that see the master down: by the last poll or by events, whichever knows more. */
  sDownCount(built: BuiltTopology | undefined): number {
    return Math.max(built?.master?.sDownBy.length ?? 0, this.#tracker().sDownReporters);
  }

  #incidentContext(built: BuiltTopology): IncidentContext {
    return {
      sDownCount: this.sDownCount(built),
      sentinels: built.sentinels.length,
      quorum: built.master?.quorum ?? 0,
    };
  }
}
