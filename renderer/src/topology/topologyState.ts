import {
  TIMELINE_LIMITS,
  type FailoverRecord,
  type TopologyAlert,
  type TopologyEvent,
  type TopologySnapshot,
  type TopologyTimeline,
} from '../../../shared/api/topology';

/** A banner with the local time it arrived (core's clock may differ from this machine's). */
export interface ShownAlert {
  alert: TopologyAlert;
  receivedAt: number;
}

/** Everything the UI knows about one watch (one monitored master), fed by calls and events. */
export interface WatchState {
  watchId: string;
  snapshot?: TopologySnapshot;
  /** Oldest first; replaced in place by id. */
  failovers: FailoverRecord[];
  /** Oldest first; replaced in place by id (another sentinel reported it too). */
  events: TopologyEvent[];
  droppedEvents: number;
  /** One per alert `key`, the newest. */
  alerts: ShownAlert[];
  /** Ids of alerts the user dismissed (a newer alert with the same key shows again). */
  dismissed: string[];
  /** Per failover id: the `liveSeq` of the last live update (see mergeTimeline). */
  failoverSeq: Record<string, number>;
}

export const emptyWatch = (watchId: string): WatchState => ({
  watchId,
  failovers: [],
  events: [],
  droppedEvents: 0,
  alerts: [],
  dismissed: [],
  failoverSeq: {},
});

/**
 * A banner that reports an end state (replica up again…) leaves on its own after this long;
 * a completed failover stays until dismissed: it changed where the data lives.
 */
export const TRANSIENT_ALERT_MS = 30_000;

const stays = (a: TopologyAlert) => !a.transient || a.kind === 'failover-completed';

/** Alerts to show now, newest first. */
export function visibleAlerts(watch: WatchState | undefined, now: number): TopologyAlert[] {
  if (!watch) return [];
  return watch.alerts
    .filter((s) => !watch.dismissed.includes(s.alert.id))
    .filter((s) => stays(s.alert) || now - s.receivedAt < TRANSIENT_ALERT_MS)
    .map((s) => s.alert)
    .sort((a, b) => b.at - a.at);
}

/** When the next visible transient alert expires (to re-render then), if any. */
export function nextExpiry(watch: WatchState | undefined, now: number): number | undefined {
  const times = (watch?.alerts ?? [])
    .filter((s) => !stays(s.alert) && !watch?.dismissed.includes(s.alert.id))
    .map((s) => s.receivedAt + TRANSIENT_ALERT_MS)
    .filter((t) => t > now);
  return times.length ? Math.min(...times) : undefined;
}

/** Adds or replaces (same key) a banner; an older alert never replaces a newer one. */
export function applyAlert(watch: WatchState, alert: TopologyAlert, receivedAt: number): WatchState {
  const current = watch.alerts.find((s) => s.alert.key === alert.key);
  if (current && (current.alert.id === alert.id ? false : current.alert.at > alert.at)) return watch;
  const kept = watch.alerts.filter((s) => s.alert.key !== alert.key);
  const alerts = [...kept, { alert, receivedAt: current?.alert.id === alert.id ? current.receivedAt : receivedAt }]
    .sort((a, b) => a.alert.at - b.alert.at)
    .slice(-TIMELINE_LIMITS.alerts);
  return { ...watch, alerts };
}

/** Remembered dismissals (ids); kept even for alerts gone from the list, so they stay dismissed. */
const MAX_DISMISSED = 500;

export function dismissAlerts(watch: WatchState, ids: string[]): WatchState {
  return { ...watch, dismissed: [...new Set([...watch.dismissed, ...ids])].slice(-MAX_DISMISSED) };
}

/**
 * A newer snapshot replaces the older (`revision` grows). Its alerts are merged in: they are
 * how the UI catches up with banners raised before it started watching, or missed.
 * `coreNow` is core's clock at sending, to date those alerts on this machine's clock.
 */
export function applySnapshot(watch: WatchState, snapshot: TopologySnapshot, now: number, coreNow: number): WatchState {
  if (watch.snapshot && watch.snapshot.revision > snapshot.revision) return watch;
  let next: WatchState = { ...watch, snapshot };
  for (const alert of snapshot.alerts) {
    next = applyAlert(next, alert, now - Math.max(0, coreNow - alert.at));
  }
  return next;
}

/** The same event reported again (by more sentinels) replaces it; new ones are appended. */
export function upsertEvent(watch: WatchState, event: TopologyEvent): WatchState {
  const events = watch.events;
  for (let i = events.length - 1; i >= 0; i--) {
    if (events[i]!.id !== event.id) continue;
    if (events[i]!.reportedBy.length > event.reportedBy.length) return watch;
    const copy = events.slice();
    copy[i] = event;
    return { ...watch, events: copy };
  }
  const excess = Math.max(0, events.length + 1 - TIMELINE_LIMITS.events);
  return {
    ...watch,
    events: [...events.slice(excess), event],
    droppedEvents: watch.droppedEvents + excess,
  };
}

/** A failover record created or changed; `seq` orders it against a timeline request. */
export function upsertFailover(watch: WatchState, failover: FailoverRecord, seq: number): WatchState {
  const index = watch.failovers.findIndex((f) => f.id === failover.id);
  const failovers =
    index >= 0
      ? watch.failovers.map((f, i) => (i === index ? failover : f))
      : [...watch.failovers, failover].slice(-TIMELINE_LIMITS.failovers);
  return { ...watch, failovers, failoverSeq: { ...watch.failoverSeq, [failover.id]: seq } };
}

/**
 * Merges a fetched timeline with what live events brought while the request was on its way:
 * a failover updated live after the request (`failoverSeq` > `requestSeq`) keeps its live
 * version; an event keeps the copy with the most reporters.
 */
export function mergeTimeline(watch: WatchState, timeline: TopologyTimeline, requestSeq: number): WatchState {
  const live = new Map(watch.failovers.map((f) => [f.id, f]));
  const fetched = timeline.failovers.map((f) =>
    (watch.failoverSeq[f.id] ?? -1) > requestSeq ? (live.get(f.id) ?? f) : f,
  );
  const fetchedIds = new Set(fetched.map((f) => f.id));
  const failovers = [...fetched, ...watch.failovers.filter((f) => !fetchedIds.has(f.id))]
    .sort((a, b) => a.startedAt - b.startedAt)
    .slice(-TIMELINE_LIMITS.failovers);

  const byId = new Map<string, TopologyEvent>();
  for (const e of [...timeline.events, ...watch.events]) {
    const seen = byId.get(e.id);
    if (!seen || seen.reportedBy.length < e.reportedBy.length) byId.set(e.id, e);
  }
  const all = [...byId.values()].sort((a, b) => a.at - b.at);
  const excess = Math.max(0, all.length - TIMELINE_LIMITS.events);
  return {
    ...watch,
    failovers,
    events: all.slice(excess),
    droppedEvents: Math.max(watch.droppedEvents, timeline.droppedEvents) + excess,
  };
}
