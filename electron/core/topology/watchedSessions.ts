import type { SessionView } from '../../../shared/api/sessions';
import type { MasterNode } from '../../../shared/api/topology';
import type { EventBus } from '../events/eventBus';
import type { AlertDraft } from './alertBook';
import { noMasterAlert, sessionAlert } from './sessionAlerts';
import type { DataNodeState } from './snapshotBuilder';

/** What the watcher needs of the session manager. */
export interface SessionLink {
  list(): SessionView[];
  followMaster(profileId: string, masterName: string, address: string): void;
}

export interface WatchedSessionsInit {
  profileId: string;
  masterName: string;
  /** The watched master is the one the profile's sessions follow. */
  follows: boolean;
  /** The profile's sessions browse the master, or a replica of it. */
  role: 'master' | 'replica';
  sessions: SessionLink;
  events: EventBus;
  raise: (draft: AlertDraft) => void;
  /** No failover can happen now (see SessionAlertContext). */
  noFailover: () => boolean;
  /** A session could write again after it could not from `lostAt` (see FailoverTracker.writesBlocked). */
  writesResumed: (lostAt: number, resumedAt: number) => void;
  /**
   * A session is connected again (to `address`): the view of that node must say so now, not
   * at the next poll — a "Reconnected" banner beside a card still reading "unreachable" lies.
   */
  reconnected: (address: string) => void;
}

/**
 * The data sessions of the watched profile: their connection banners, and moving them to the
 * master the sentinels announce as soon as it is known rather than after their back-off.
 */
export class WatchedSessions {
  readonly #init: WatchedSessionsInit;
  readonly #views = new Map<string, SessionView>();
  readonly #off: () => void;
  #noFailover = false;
  /** When each session lost its master (left ready), until it is ready again. */
  readonly #lostAt = new Map<string, number>();

  constructor(init: WatchedSessionsInit) {
    this.#init = init;
    if (init.follows) for (const view of init.sessions.list()) this.#views.set(view.id, view);
    this.#off = init.events.on('session.state', ({ session }) => this.#changed(session));
  }

  /** `+switch-master` arrived. */
  switched(to: string): void {
    if (this.#init.follows) this.#init.sessions.followMaster(this.#init.profileId, this.#init.masterName, to);
  }

  /**
   * After a poll: sessions still reconnecting, or on a node that reports itself a replica, go to
   * the master now. (An address that merely looks different — NAT, host names — is left alone.)
   */
  nudge(master: MasterNode | null, nodes: ReadonlyMap<string, DataNodeState>, failoverRunning: boolean): void {
    if (!this.#init.follows || !master?.address || !master.reachable || master.flags.sDown || failoverRunning) return;
    const onReplica = (v: SessionView) => !!v.address && nodes.get(v.address)?.info?.role === 'replica';
    const behind = [...this.#views.values()].some(
      (v) => v.state === 'reconnecting' || (v.state === 'ready' && !v.readOnly && onReplica(v)),
    );
    if (behind) this.#init.sessions.followMaster(this.#init.profileId, this.#init.masterName, master.address);
  }

  /**
   * The verdict on failover changed (e.g. the sentinels lost their quorum after the master did):
   * the "no master" banners say again what writes wait for.
   */
  refresh(): void {
    const noFailover = this.#init.noFailover();
    if (noFailover === this.#noFailover) return;
    this.#noFailover = noFailover;
    for (const view of this.#views.values()) {
      if (view.state === 'reconnecting' && view.noMaster) {
        this.#init.raise(noMasterAlert(view, this.#init.masterName, { noFailover }));
      }
    }
  }

  stop(): void {
    this.#off();
  }

  #timeWritePause(previous: SessionView | undefined, view: SessionView): void {
    const now = Date.now();
    if (view.state === 'closed') this.#lostAt.delete(view.id);
    else if (previous?.state === 'ready' && view.state !== 'ready') this.#lostAt.set(view.id, now);
    else if (view.state === 'ready' && !view.readOnly) {
      const lostAt = this.#lostAt.get(view.id);
      this.#lostAt.delete(view.id);
      if (lostAt !== undefined) this.#init.writesResumed(lostAt, now);
    }
  }

  #changed(view: SessionView): void {
    if (view.profileId !== this.#init.profileId || !this.#init.follows) return;
    const previous = this.#views.get(view.id);
    if (view.state === 'closed') this.#views.delete(view.id);
    else this.#views.set(view.id, view);
    this.#timeWritePause(previous, view);
    if (view.state === 'ready' && previous && previous.state !== 'ready' && view.address) {
      this.#init.reconnected(view.address);
    }
    this.#noFailover = this.#init.noFailover();
    const ctx = { noFailover: this.#noFailover, role: this.#init.role };
    const draft = sessionAlert(previous, view, this.#init.masterName, ctx);
    if (draft) this.#init.raise(draft);
  }
}
