import { create } from 'zustand';
import type { ApiError } from '../../../shared/api/errors';
import type { Result } from '../../../shared/api/result';
import type {
  FailoverRecord,
  FailoverRequested,
  TimelineExport,
  TopologyAlert,
  TopologyEvent,
  TopologySnapshot,
} from '../../../shared/api/topology';
import { api } from '../api/client';
import type { NodeId } from './diagramLayout';
import {
  applyAlert,
  applySnapshot,
  dismissAlerts,
  emptyWatch,
  mergeTimeline,
  upsertEvent,
  upsertFailover,
  type WatchState,
} from './topologyState';

/**
 * Who watches: an open session (its id), or a saved Sentinel profile with no session — e.g.
 * its first connect failed and the SRE still needs to see the deployment (`profile:<id>`).
 */
const PROFILE_OWNER = 'profile:';
export const profileOwner = (profileId: string): string => `${PROFILE_OWNER}${profileId}`;
const watchTarget = (ownerId: string) =>
  ownerId.startsWith(PROFILE_OWNER) ? { profileId: ownerId.slice(PROFILE_OWNER.length) } : { sessionId: ownerId };

/** An owner's link to its watch. */
export interface OwnerWatch {
  status: 'starting' | 'watching' | 'error';
  watchId?: string;
  /** The master being watched (the profile's unless the user picked another). */
  masterName?: string;
  error?: ApiError;
  /** The session's state when the watch failed: a change of state is worth another try. */
  failedInState?: string;
}

/** What the topology view remembers per owner while it is open. */
export interface TopologyUi {
  view?: 'diagram' | 'table';
  selected?: NodeId;
  /** Timeline groups opened or closed by the user (default: the newest is open). */
  expanded: Record<string, boolean>;
}

interface TopologyStore {
  watches: Record<string, WatchState>;
  byOwner: Record<string, OwnerWatch>;
  ui: Record<string, TopologyUi>;
  /** Starts the owner's watch of its deployment (or of another master it monitors). */
  watch(ownerId: string, opts?: { masterName?: string; sessionState?: string }): Promise<void>;
  /** Stops watching (session closed, profile view left). */
  forget(ownerId: string): void;
  onSnapshot(snapshot: TopologySnapshot, at: number): void;
  onEvent(event: TopologyEvent): void;
  onFailover(watchId: string, failover: FailoverRecord): void;
  onAlert(alert: TopologyAlert): void;
  dismiss(ownerId: string, alertIds: string[]): void;
  failover(ownerId: string): Promise<Result<FailoverRequested>>;
  exportTimeline(ownerId: string): Promise<Result<TimelineExport>>;
  setUi(ownerId: string, change: Partial<TopologyUi>): void;
}

/** Orders live failover updates against timeline requests (see mergeTimeline). */
let liveSeq = 0;
/** The start running per owner; forget() drops it, so a late answer is recognised as stale. */
const inflight = new Map<string, symbol>();
const notWatching = (): Result<never> => ({
  ok: false,
  error: { code: 'NOT_FOUND', message: 'The topology is not being watched yet.' },
});

export const useTopology = create<TopologyStore>((set, get) => {
  const patchWatch = (watchId: string, fn: (w: WatchState) => WatchState) =>
    set((s) => ({ watches: { ...s.watches, [watchId]: fn(s.watches[watchId] ?? emptyWatch(watchId)) } }));

  /** Events of a watch this window did not start are ignored, unless one is starting. */
  const accepts = (watchId: string) =>
    !!get().watches[watchId] || Object.values(get().byOwner).some((w) => w.status === 'starting');

  const loadTimeline = async (watchId: string) => {
    const requestSeq = ++liveSeq;
    const result = await api.call('topology.timeline', { watchId });
    if (result.ok && get().watches[watchId]) patchWatch(watchId, (w) => mergeTimeline(w, result.value, requestSeq));
  };

  /**
   * Leaves a watch in core (counted there); its state stays here while another owner (a
   * session and a profile view of the same deployment share one watch) still uses it.
   */
  const unwatch = (watchId: string) => {
    void api.call('topology.unwatch', { watchId });
    set((s) => {
      if (Object.values(s.byOwner).some((w) => w.watchId === watchId)) return s;
      const watches = { ...s.watches };
      delete watches[watchId];
      return { watches };
    });
  };

  const watchIdOf = (ownerId: string) => get().byOwner[ownerId]?.watchId;

  return {
    watches: {},
    byOwner: {},
    ui: {},
    watch: async (ownerId, opts = {}) => {
      if (inflight.has(ownerId)) return;
      const token = Symbol(ownerId);
      inflight.set(ownerId, token);
      const previous = get().byOwner[ownerId];
      const masterName = opts.masterName ?? previous?.masterName;
      set((s) => ({ byOwner: { ...s.byOwner, [ownerId]: { ...previous, status: 'starting', masterName } } }));
      try {
        const result = await api.call('topology.watch', { ...watchTarget(ownerId), ...(masterName && { masterName }) });
        if (inflight.get(ownerId) !== token || !get().byOwner[ownerId]) {
          // Forgotten while starting (session closed, view left): give the watch back.
          if (result.ok) unwatch(result.value.watchId);
          return;
        }
        if (!result.ok) {
          const failed: OwnerWatch = {
            status: 'error',
            error: result.error,
            ...(previous?.watchId && { watchId: previous.watchId }),
            ...(masterName && { masterName }),
            ...(opts.sessionState && { failedInState: opts.sessionState }),
          };
          set((s) => ({ byOwner: { ...s.byOwner, [ownerId]: failed } }));
          return;
        }
        const snapshot = result.value;
        patchWatch(snapshot.watchId, (w) => applySnapshot(w, snapshot, Date.now(), snapshot.updatedAt));
        const next: OwnerWatch = { status: 'watching', watchId: snapshot.watchId, masterName: snapshot.masterName };
        set((s) => ({ byOwner: { ...s.byOwner, [ownerId]: next } }));
        if (previous?.watchId && previous.watchId !== snapshot.watchId) unwatch(previous.watchId);
        await loadTimeline(snapshot.watchId);
      } finally {
        if (inflight.get(ownerId) === token) inflight.delete(ownerId);
      }
    },
    forget: (ownerId) => {
      const watchId = watchIdOf(ownerId);
      inflight.delete(ownerId);
      set((s) => {
        const byOwner = { ...s.byOwner };
        const ui = { ...s.ui };
        delete byOwner[ownerId];
        delete ui[ownerId];
        return { byOwner, ui };
      });
      if (watchId) unwatch(watchId);
    },
    onSnapshot: (snapshot, at) => {
      if (accepts(snapshot.watchId)) patchWatch(snapshot.watchId, (w) => applySnapshot(w, snapshot, Date.now(), at));
    },
    onEvent: (event) => {
      if (accepts(event.watchId)) patchWatch(event.watchId, (w) => upsertEvent(w, event));
    },
    onFailover: (watchId, failover) => {
      if (accepts(watchId)) patchWatch(watchId, (w) => upsertFailover(w, failover, ++liveSeq));
    },
    onAlert: (alert) => {
      if (accepts(alert.watchId)) patchWatch(alert.watchId, (w) => applyAlert(w, alert, Date.now()));
    },
    dismiss: (ownerId, alertIds) => {
      const watchId = watchIdOf(ownerId);
      if (watchId) patchWatch(watchId, (w) => dismissAlerts(w, alertIds));
    },
    failover: async (ownerId) => {
      const watchId = watchIdOf(ownerId);
      return watchId ? api.call('topology.failover', { watchId }) : notWatching();
    },
    exportTimeline: async (ownerId) => {
      const watchId = watchIdOf(ownerId);
      return watchId ? api.call('topology.exportTimeline', { watchId }) : notWatching();
    },
    setUi: (ownerId, change) =>
      set((s) => ({ ui: { ...s.ui, [ownerId]: { expanded: {}, ...s.ui[ownerId], ...change } } })),
  };
});

/** The watch state of an owner (undefined until the first snapshot). */
export const selectWatch = (s: Pick<TopologyStore, 'watches' | 'byOwner'>, ownerId: string) => {
  const watchId = s.byOwner[ownerId]?.watchId;
  return watchId ? s.watches[watchId] : undefined;
};
