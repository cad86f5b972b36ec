import type { RedisOptions } from 'ioredis';
import type { ConnectionOptions } from 'node:tls';
import type { Endpoint } from '../../../shared/api/profiles';
import { nodeOptions, type NodeRole, type SentinelProfile } from '../redis/redisOptions';

/** How often a link to a node that went away is retried. */
export const LINK_RETRY_MS = 1_000;
/** A poll waits at most this long for one node (a paused node never answers). */
export const LINK_COMMAND_TIMEOUT_MS = 1_000;

/**
 * A watcher's long-lived connection to one node: the right credentials for its role, a name
 * in CLIENT LIST, commands that fail at once while disconnected, and endless retries (the
 * node may come back at any time; the watcher shows it down meanwhile).
 */
export function linkOptions(
  profile: SentinelProfile,
  endpoint: Endpoint,
  role: NodeRole,
  tls: ConnectionOptions | undefined,
  connectionName: string,
): RedisOptions {
  return {
    ...nodeOptions(profile, endpoint, role, tls),
    connectionName,
    lazyConnect: true,
    connectTimeout: Math.min(profile.connectTimeoutMs, 2_000),
    commandTimeout: LINK_COMMAND_TIMEOUT_MS,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    autoResubscribe: false,
    retryStrategy: () => LINK_RETRY_MS,
  };
}
