import { randomUUID } from 'node:crypto';
import type {
  FailoverRequested,
  TimelineExport,
  TopologySnapshot,
  TopologyTimeline,
} from '../../../shared/api/topology';
import { ApiFailure } from '../api/apiFailure';
import { mapError } from '../api/mapError';
import type { EventBus } from '../events/eventBus';
import type { ResolvedProfile } from '../profiles/resolvedProfile';
import type { SessionManager } from '../sessions/sessionManager';
import { exportTimeline } from './timelineExport';
import { TopologyWatcher } from './topologyWatcher';

export interface TopologyServiceOptions {
  events: EventBus;
  sessions: Pick<SessionManager, 'view' | 'list' | 'followMaster'>;
  resolveProfile: (id: string) => Promise<ResolvedProfile>;
  /** Overrides the poll interval (benchmarks, tests). */
  pollIntervalMs?: number;
}

export interface WatchRequest {
  sessionId?: string;
  profileId?: string;
  masterName?: string;
}

export interface TopologyService {
  watch(request: WatchRequest): Promise<TopologySnapshot>;
  unwatch(watchId: string): void;
  snapshot(watchId: string): TopologySnapshot;
  timeline(watchId: string): TopologyTimeline;
  exportTimeline(watchId: string): TimelineExport;
  failover(watchId: string): Promise<FailoverRequested>;
  dispose(): void;
}

interface Watch {
  watcher: TopologyWatcher;
  started: Promise<void>;
  users: number;
  profileName: string;
}

/**
 * The watches of Sentinel deployments: one watcher per (profile, master name), shared by every
 * caller that watches it (counted; it stops when the last one unwatches).
 */
export function createTopologyService(options: TopologyServiceOptions): TopologyService {
  const watches = new Map<string, Watch>();

  const get = (watchId: string): Watch => {
    const watch = [...watches.values()].find((w) => w.watcher.watchId === watchId);
    if (!watch) throw new ApiFailure('NOT_FOUND', `No topology watch ${watchId}. It may have been stopped.`);
    return watch;
  };

  const stop = (key: string, watch: Watch) => {
    watches.delete(key);
    watch.watcher.stop();
  };

  return {
    async watch({ sessionId, profileId: givenProfileId, masterName: givenName }) {
      const profileId = sessionId ? options.sessions.view(sessionId).profileId : givenProfileId;
      if (!profileId) throw new ApiFailure('VALIDATION_FAILED', 'Give either sessionId or profileId.');
      const profile = await options.resolveProfile(profileId);
      if (profile.kind !== 'sentinel') {
        throw new ApiFailure(
          'VALIDATION_FAILED',
          `"${profile.name}" connects to a single server, not through Sentinel: there is no topology to watch.`,
        );
      }
      const masterName = givenName ?? profile.masterName;
      const key = `${profileId}\u0000${masterName}`;
      let watch = watches.get(key);
      if (!watch) {
        const watcher = new TopologyWatcher({
          watchId: randomUUID(),
          profileId,
          profile,
          masterName,
          ...(sessionId && { sessionId }),
          events: options.events,
          sessions: options.sessions,
          ...(options.pollIntervalMs && { pollIntervalMs: options.pollIntervalMs }),
        });
        watch = { watcher, started: watcher.start(), users: 0, profileName: profile.name };
        watches.set(key, watch);
      }
      watch.users += 1;
      try {
        await watch.started;
      } catch (e) {
        if (watches.get(key) === watch) stop(key, watch);
        throw e;
      }
      return watch.watcher.snapshot();
    },

    unwatch(watchId) {
      for (const [key, watch] of watches) {
        if (watch.watcher.watchId !== watchId) continue;
        watch.users -= 1;
        if (watch.users <= 0) stop(key, watch);
        return;
      }
      throw new ApiFailure('NOT_FOUND', `No topology watch ${watchId}. It may have been stopped.`);
    },

    snapshot: (watchId) => get(watchId).watcher.snapshot(),
    timeline: (watchId) => get(watchId).watcher.timeline(),
    exportTimeline(watchId) {
      const watch = get(watchId);
      return exportTimeline(watch.watcher.timeline(), watch.profileName);
    },

    async failover(watchId) {
      const { watcher } = get(watchId);
      const profile = await options.resolveProfile(watcher.profileId);
      if (profile.readOnly) {
        throw new ApiFailure('READ_ONLY', `"${profile.name}" is read-only: failovers cannot be triggered from it.`);
      }
      const sentinels = watcher.sentinelsForFailover();
      const refusals: string[] = [];
      for (const sentinel of sentinels) {
        try {
          await sentinel.failover(watcher.masterName);
          return { masterName: watcher.masterName, sentinel: sentinel.address, at: Date.now() };
        } catch (e) {
          // -NOGOODSLAVE / -INPROG are the sentinels' verdict: the next one would say the same.
          const error = mapError(e, sentinel.address);
          if (error.code === 'REDIS_ERROR') {
            watcher.manualFailoverRefused();
            throw new ApiFailure(
              'REDIS_ERROR',
              `Sentinel ${sentinel.address} refused the failover: ${error.message}`,
              error.details,
            );
          }
          refusals.push(error.message);
        }
      }
      watcher.manualFailoverRefused();
      throw new ApiFailure(
        'NO_SENTINEL_REACHABLE',
        `No sentinel could be asked to fail over "${watcher.masterName}".${refusals.length ? ` ${refusals.join(' ')}` : ''}`,
      );
    },

    dispose() {
      for (const [key, watch] of watches) stop(key, watch);
    },
  };
}
