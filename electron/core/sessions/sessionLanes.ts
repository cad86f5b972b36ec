import type Redis from 'ioredis';
import type { ConnectionOptions } from 'node:tls';
import type { ResolvedProfile } from '../profiles/resolvedProfile';
import { sessionOptions } from '../redis/redisOptions';
import { redisWithStallTimeout } from '../redis/stallTimeout';
import { DbLanes } from './dbLanes';
import { connectDeadlineMs } from './firstConnect';

export interface SessionLanesInit {
  sessionId: string;
  profile: ResolvedProfile;
  tls: ConnectionOptions | undefined;
  /** The session closed or failed: lanes stop reconnecting. */
  stopped(): boolean;
  /** Every `ready` of a lane (the session checks it reached the node it follows). */
  onReady(lane: Redis): void;
}

/**
 * A session's db lanes (see dbLanes): connections like the session's own (same options, so
 * with Sentinel they follow the master too), each pinned to a db, retrying quickly while the
 * session lives.
 */
export function createSessionLanes({ sessionId, profile, tls, stopped, onReady }: SessionLanesInit): DbLanes {
  const retry = (times: number) => (stopped() ? null : Math.min(times * 100, 1_000));
  return new DbLanes({
    create: (db) =>
      redisWithStallTimeout({
        ...sessionOptions(profile, tls, {
          connectionName: `redlens:${sessionId}:db${db}`,
          retryStrategy: retry,
          sentinelRetryStrategy: retry,
        }),
        db,
      }),
    onReady,
    connectTimeoutMs: connectDeadlineMs(profile),
  });
}
