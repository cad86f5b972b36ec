import type { FailoverRecord, TopologySnapshot, TopologyTimeline } from '../../../shared/api/topology';
import type { EventBus } from '../events/eventBus';
import { toFailure } from '../redis/nodeErrors';
import { isFatal } from '../redis/reconnectPolicy';
import type { SentinelProfile } from '../redis/redisOptions';
import { loadTlsOptions } from '../redis/tlsOptions';
import { AlertBook, type AlertDraft } from './alertBook';
import { EventLog } from './eventLog';
import { failoverBlockedAlert } from './failoverBlocked';
import { FailoverTracker } from './failoverTracker';
import { incidentAlert } from './incidentAlert';
import { LinkSet, toEndpoint } from './linkSet';
import { noFailoverReason } from './noFailover';
import { nodeAlerts } from './nodeAlerts';
import { parseSentinelEvent } from './sentinelEvent';
import { buildTopology, type BuiltTopology } from './snapshotBuilder';
import { patchTopology } from './snapshotPatch';
import { tiltAlert } from './tiltAlert';
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
  readonly #alerts: AlertBook;
  #links: LinkSet | undefined;
  #built: BuiltTopology | undefined;
  #revision = 0;
  #updatedAt = Date.now();
  #lastSent = '';
  #lastEventAt = 0;
  #timer: NodeJS.Timeout | undefined;
  #polling: Promise<void> | undefined;
  #pollAgain = false;
  #stopped = false;
  /** Links report changes while they first connect; polls start once they all tried. */
  #started = false;
  #sessions: WatchedSessions | undefined;

  constructor(init: WatcherInit) {
    this.#init = init;
    this.watchId = init.watchId;
    this.masterName = init.masterName;
    this.profileId = init.profileId;
    this.#log = new EventLog(init.watchId);
    this.#alerts = new AlertBook(init.watchId, init.masterName, (alert) => init.events.emit('topology.alert', alert));
    this.#tracker = new FailoverTracker(init.masterName, (record) => this.#recordChanged(record));
  }

  /** Connects to every sentinel, polls once, and keeps watching until `stop()`. */
  async start(): Promise<void> {
    const { profile, watchId } = this.#init;
    this.#links = new LinkSet({
      profile,
      tls: await loadTlsOptions(profile.tls),
      connectionName: `redlens:topology:${watchId}`,
      onMessage: (channel, message, sentinel) => this.#onMessage(channel, message, sentinel),
      onChange: () => this.#pollSoon(),
    });
    this.#sessions = new WatchedSessions({
      profileId: this.profileId,
      masterName: this.masterName,
      follows: this.masterName === profile.masterName,
      role: profile.role,
      sessions: this.#init.sessions,
      events: this.#init.events,
      raise: (draft) => this.#raise(draft),
      noFailover: () => !!this.#built?.failoverBlocked || this.#tracker.open?.outcome === 'no-quorum',
      writesResumed: (lostAt, resumedAt) => this.#tracker.writesBlocked(lostAt, resumedAt),
      reconnected: () => this.#pollSoon(),
    });
    await this.#links.firstConnect();
    this.#started = true;
    await this.#poll();
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
      revision: this.#revision,
      updatedAt: this.#updatedAt,
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
    this.#stopped = true;
    clearTimeout(this.#timer);
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
    if (tilt) this.#raise(tilt);
    if (isNew && channel === '+sentinel' && event.instance)
      this.#links?.addSentinel(toEndpoint(event.instance.address));
    this.#afterChange();
    this.#pollSoon();
  }

  #pollSoon(): void {
    if (this.#stopped || !this.#started) return;
    if (this.#polling) {
      this.#pollAgain = true;
      return;
    }
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#poll(), 0);
  }

  #poll(): Promise<void> {
    this.#polling ??= this.#pollRound().finally(() => {
      this.#polling = undefined;
      if (this.#stopped) return;
      clearTimeout(this.#timer);
      const delay = this.#pollAgain ? 0 : (this.#init.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS);
      this.#pollAgain = false;
      this.#timer = setTimeout(() => void this.#poll(), delay);
    });
    return this.#polling;
  }

  async #pollRound(): Promise<void> {
    const links = this.#links;
    if (!links) return;
    const askedAt = Date.now();
    await links.askSentinels(this.masterName);
    const first = buildTopology(this.#buildInput());
    const addresses = [first.master?.address, ...first.replicas.map((r) => r.address)];
    await links.refreshDataNodes(addresses.filter((a): a is string => !!a));
    if (this.#stopped) return;
    if (askedAt <= this.#lastEventAt) {
      // An event arrived meanwhile: these answers may predate it; ask again.
      this.#pollAgain = true;
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
    const announced = (key: string) => this.#alerts.latest(key)?.kind;
    const connecting = this.#links?.connectingSentinels() ?? new Set<string>();
    const former = this.#tracker.formerMaster;
    const formerMasters = new Set(former ? [former] : []);
    for (const draft of nodeAlerts(built, { announced, formerMasters, connecting })) {
      this.#raise(draft, true);
    }
    const quorumKey = `quorum:${this.masterName}`;
    const quorum = failoverBlockedAlert(built.failoverBlocked, announced(quorumKey), this.masterName);
    if (quorum) this.#raise(quorum);
    const open = this.#tracker.open;
    const reason = noFailoverReason({
      master: built.master,
      sentinels: built.sentinels,
      majority: built.majority,
      record: open,
      sDownCount: this.#sDownCount(),
      now: Date.now(),
    });
    if (reason) this.#tracker.noQuorum(reason);
    if (open) this.#raise(incidentAlert(open, this.#incidentContext()));
    this.#sessions?.refresh();
    this.#emitSnapshot();
  }

  #recordChanged(record: FailoverRecord): void {
    this.#init.events.emit('topology.failover', { watchId: this.watchId, failover: record, at: Date.now() });
    if (this.#built) this.#raise(incidentAlert(record, this.#incidentContext()));
  }

  #incidentContext() {
    const master = this.#built?.master;
    return {
      sDownCount: this.#sDownCount(),
      sentinels: this.#built?.sentinels.length ?? 0,
      quorum: master?.quorum ?? 0,
    };
  }

  #sDownCount(): number {
    return Math.max(this.#built?.master?.sDownBy.length ?? 0, this.#tracker.sDownReporters);
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

  #emitSnapshot(): void {
    const { revision: _r, updatedAt: _u, ...content } = this.snapshot();
    const text = JSON.stringify(content);
    if (text === this.#lastSent) return;
    this.#lastSent = text;
    this.#revision += 1;
    this.#updatedAt = Date.now();
    this.#init.events.emit('topology.snapshot', { snapshot: this.snapshot(), at: this.#updatedAt });
  }

  #raise(draft: AlertDraft, onlyOnKindChange = false): void {
    this.#alerts.raise(draft, Date.now(), { onlyOnKindChange });
  }
}
