import type { FailoverRecord, TopologySnapshot, TopologyTimeline } from '../../../shared/api/topology';
import type { EventBus } from '../events/eventBus';
import { toFailure } from '../redis/nodeErrors';
import { isFatal } from '../redis/reconnectPolicy';
import type { SentinelProfile } from '../redis/redisOptions';
import { loadTlsOptions } from '../redis/tlsOptions';
import { EventLog } from './eventLog';
import { FailoverTracker } from './failoverTracker';
import { LinkSet, toEndpoint } from './linkSet';
import { PollLoop } from './pollLoop';
import { parseSentinelEvent } from './sentinelEvent';
import { buildTopology, type BuiltTopology } from './snapshotBuilder';
import { SnapshotEmitter } from './snapshotEmitter';
import { patchTopology } from './snapshotPatch';
import { tiltAlert } from './tiltAlert';
import { WatchAlerts } from './watchAlerts';
import { WatchedSessions, type SessionLink } from './watchedSessions';

/** Sentinel events that name no master but still concern the watched one. */
const MASTERLESS = new Set(['+new-epoch', '+vote-for-leader', '+tilt', '-tilt']);

export const DEFAULT_POLL_INTERVAL_MS = 1_000;

export interface WatcherInit {
  watchId: string;
  profileId: string;
  profile: SentinelProfile;
  masterName: string;
  sessionId?: string;
  events: EventBus;
  sessions: SessionLink;
  pollIntervalMs?: number;
}

/**
 * Watches one master of a Sentinel deployment: subscribes to every sentinel's events, polls
 * every sentinel and data node each `pollIntervalMs` (and right after each event) so missed
 * messages self-heal, and turns both into a snapshot, a timeline and banners pushed on the bus.
 */
export class TopologyWatcher {
  readonly watchId: string;
  readonly masterName: string;
  readonly profileId: string;
  readonly #init: WatcherInit;
  readonly #log: EventLog;
  readonly #tracker: FailoverTracker;
  readonly #alerts: WatchAlerts;
  readonly #snapshots: SnapshotEmitter;
  /** Links report changes while they first connect; polls start once they all tried. */
  readonly #polls: PollLoop;
  #links: LinkSet | undefined;
  #built: BuiltTopology | undefined;
  #lastEventAt = 0;
  #sessions: WatchedSessions | undefined;

  constructor(init: WatcherInit) {
    this.#init = init;
    this.watchId = init.watchId;
    this.masterName = init.masterName;
    this.profileId = init.profileId;
    this.#log = new EventLog(init.watchId);
    this.#alerts = new WatchAlerts({ ...init, tracker: () => this.#tracker });
    this.#tracker = new FailoverTracker(init.masterName, (record) => this.#recordChanged(record));
    this.#snapshots = new SnapshotEmitter(init.events);
    this.#polls = new PollLoop(() => this.#pollRound(), init.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS);
  }

  /** Connects to every sentinel, polls once, and keeps watching until `stop()`. */
  async start(): Promise<void> {
    const { profile, watchId } = this.#init;
    this.#links = new LinkSet({
      profile,
      tls: await loadTlsOptions(profile.tls),
      connectionName: `redlens:topology:${watchId}`,
      onMessage: (channel, message, sentinel) => this.#onMessage(channel, message, sentinel),
      onChange: () => this.#polls.soon(),
    });
    this.#sessions = new WatchedSessions({
      profileId: this.profileId,
      masterName: this.masterName,
      follows: this.masterName === profile.masterName,
      role: profile.role,
      sessions: this.#init.sessions,
      events: this.#init.events,
      raise: (draft) => this.#alerts.raise(draft),
      noFailover: () => !!this.#built?.failoverBlocked || this.#tracker.open?.outcome === 'no-quorum',
      writesResumed: (lostAt, resumedAt) => this.#tracker.writesBlocked(lostAt, resumedAt),
      reconnected: () => this.#polls.soon(),
    });
    await this.#links.firstConnect();
    await this.#polls.start();
    const { error } = this.snapshot();
    if (error && !this.#built?.master && isFatal(error)) {
      // Wrong sentinel credentials or TLS settings: retrying cannot help, the profile must change.
      this.stop();
      throw toFailure(error);
    }
  }

  snapshot(): TopologySnapshot {
    const built = this.#built ?? buildTopology(this.#buildInput());
    return {
      watchId: this.watchId,
      profileId: this.profileId,
      ...(this.#init.sessionId && { sessionId: this.#init.sessionId }),
      readOnly: this.#init.profile.readOnly,
      masterName: this.masterName,
      ...built,
      failover: this.#failoverSummary(),
      alerts: this.#alerts.list(),
      ...this.#snapshots.stamp,
    };
  }

  timeline(): TopologyTimeline {
    return {
      watchId: this.watchId,
      masterName: this.masterName,
      failovers: [...this.#tracker.records],
      events: [...this.#log.events],
      droppedEvents: this.#log.dropped,
    };
  }

  /** The reachable sentinels, to send `SENTINEL FAILOVER` to; marks the next failover manual. */
  sentinelsForFailover() {
    this.#tracker.expectManual(true);
    return (this.#links?.sentinels ?? []).filter((link) => link.reachable);
  }

  manualFailoverRefused(): void {
    this.#tracker.expectManual(false);
  }

  stop(): void {
    this.#polls.stop();
    this.#sessions?.stop();
    this.#links?.close();
  }

  #onMessage(channel: string, message: string, sentinel: string): void {
    const parsed = parseSentinelEvent(channel, message);
    if (parsed.master ? parsed.master.name !== this.masterName : !MASTERLESS.has(channel)) return;
    const now = Date.now();
    this.#lastEventAt = now;
    const { event, isNew } = this.#log.record(parsed, sentinel, now);
    if (isNew && event.switch) this.#sessions?.switched(event.switch.to);
    const patched = this.#built && patchTopology(this.#built, event);
    if (patched) this.#built = patched;
    const failoverId = this.#tracker.handle(event, isNew);
    if (failoverId) event.failoverId = failoverId;
    this.#init.events.emit('topology.event', event);
    const tilt = tiltAlert(event);
    if (tilt) this.#alerts.raise(tilt);
    if (isNew && channel === '+sentinel' && event.instance)
      this.#links?.addSentinel(toEndpoint(event.instance.address));
    this.#afterChange();
    this.#polls.soon();
  }

  async #pollRound(): Promise<void> {
    const links = this.#links;
    if (!links) return;
    const askedAt = Date.now();
    await links.askSentinels(this.masterName);
    const first = buildTopology(this.#buildInput());
    const addresses = [first.master?.address, ...first.replicas.map((r) => r.address)];
    await links.refreshDataNodes(addresses.filter((a): a is string => !!a));
    if (this.#polls.stopped) return;
    if (askedAt <= this.#lastEventAt) {
      // An event arrived meanwhile: these answers may predate it; ask again.
      this.#polls.again();
      if (this.#built) return;
    }
    this.#built = buildTopology(this.#buildInput());
    const master = this.#built.master;
    const knowing = this.#built.sentinels.filter((s) => s.reachable && s.masterAddress !== null);
    this.#tracker.reconcile({
      polledAt: askedAt,
      masterAddress: master?.address ?? null,
      failoverInProgress: !!master?.flags.failoverInProgress,
      agreed: knowing.length > 0 && knowing.every((s) => s.agrees),
      sDownCount: master?.sDownBy.length ?? 0,
      sDownBy: master?.sDownBy ?? [],
      failoverTimeoutMs: master?.failoverTimeoutMs ?? 0,
      ...(master && { configEpoch: master.configEpoch }),
    });
    this.#afterChange();
    this.#sessions?.nudge(this.#built.master, links.dataNodeStates(), !!this.#failoverSummary());
  }

  #buildInput() {
    return {
      masterName: this.masterName,
      sentinels: this.#links?.sentinelStates() ?? [],
      dataNodes: this.#links?.dataNodeStates() ?? new Map(),
      failover: this.#failoverSummary(),
    };
  }

  /** Derives the banners, the no-failover verdict and pushes the snapshot if it changed. */
  #afterChange(): void {
    const built = this.#built;
    if (!built) return;
    this.#alerts.afterChange(built, this.#links?.connectingSentinels() ?? new Set<string>());
    this.#sessions?.refresh();
    this.#snapshots.emit(() => this.snapshot());
  }

  #recordChanged(record: FailoverRecord): void {
    this.#init.events.emit('topology.failover', { watchId: this.watchId, failover: record, at: Date.now() });
    if (this.#built) this.#alerts.incidentChanged(record, this.#built);
  }

  #failoverSummary(): TopologySnapshot['failover'] {
    const open = this.#tracker.open;
    if (!open || open.outcome !== 'in-progress' || !open.phases.some((p) => p.phase === 'try-failover')) return null;
    return {
      id: open.id,
      ...(open.leader && { leader: open.leader }),
      ...(open.selectedReplica && { selectedReplica: open.selectedReplica }),
      phase: open.phases.at(-1)!.phase,
    };
  }
}
