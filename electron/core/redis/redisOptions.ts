import type { RedisOptions } from 'ioredis';
import type { ConnectionOptions } from 'node:tls';
import type { Endpoint } from '../../../shared/api/profiles';
import type { ResolvedProfile } from '../profiles/resolvedProfile';
import { isHealthyReplica } from './sentinelReplies';
import { tlsForHost } from './tlsOptions';

export type SentinelProfile = Extract<ResolvedProfile, { kind: 'sentinel' }>;

/** Which credentials a connection uses: a sentinel's are separate from the data nodes'. */
export type NodeRole = 'standalone' | 'data' | 'sentinel';

/** Commands of a session fail visibly after this long a silence instead of hanging on a stalled server (see stallTimeout). */
const MIN_COMMAND_TIMEOUT_MS = 15_000;
/** How often a session's sentinel subscriptions retry a sentinel that went away. */
export const SENTINEL_WATCH_RETRY_MS = 2_000;

const orUndefined = (value: string | undefined): string | undefined => value || undefined;

function credentials(profile: ResolvedProfile, role: NodeRole): { username?: string; password?: string } {
  if (role === 'sentinel' && profile.kind === 'sentinel') {
    return { username: orUndefined(profile.sentinelUsername), password: orUndefined(profile.sentinelPassword) };
  }
  return { username: orUndefined(profile.username), password: orUndefined(profile.password) };
}

/** One direct connection (no Sentinel mode) to a data node or a sentinel, e.g. for a probe. */
export function nodeOptions(
  profile: ResolvedProfile,
  endpoint: Endpoint,
  role: NodeRole,
  tls: ConnectionOptions | undefined,
): RedisOptions {
  return {
    host: endpoint.host,
    port: endpoint.port,
    ...credentials(profile, role),
    tls: tls && tlsForHost(tls, endpoint.host, profile.tls.serverName),
  };
}

export interface SessionHooks {
  /** `CLIENT SETNAME`, so the session's connections can be found in CLIENT LIST. */
  connectionName: string;
  /** The delay before reconnecting, or `null` to stop (ioredis `retryStrategy`). */
  retryStrategy: (times: number) => number | null;
  /** Sentinel mode: no sentinel gave an address this round; retry after a delay or stop. */
  sentinelRetryStrategy: (times: number) => number | null;
}

/** Among the replicas Sentinel reports up, prefer one whose replication link is up. */
const preferInSync = <R extends { flags?: string }>(replicas: R[]): R | null => replicas.find(isHealthyReplica) ?? null;

/**
 * The ioredis options of a session: a standalone server, or Sentinel mode following the master
 * (or a healthy replica). Reconnects are driven by the session through `hooks`; `tls` comes
 * from loadTlsOptions.
 */
export function sessionOptions(
  profile: ResolvedProfile,
  tls: ConnectionOptions | undefined,
  hooks: SessionHooks,
): RedisOptions {
  const common: RedisOptions = {
    connectionName: hooks.connectionName,
    db: profile.db,
    lazyConnect: true,
    connectTimeout: profile.connectTimeoutMs,
    commandTimeout: Math.max(profile.connectTimeoutMs, MIN_COMMAND_TIMEOUT_MS),
    retryStrategy: hooks.retryStrategy,
    // While reconnecting, a command fails at once instead of waiting in a queue, and a command
    // in flight when the link drops is rejected, never re-sent: a write is never applied twice.
    enableOfflineQueue: false,
    autoResendUnfulfilledCommands: false,
    maxRetriesPerRequest: 0,
  };
  if (profile.kind === 'standalone') {
    return { ...common, ...nodeOptions(profile, profile, 'standalone', tls) };
  }
  const sentinel = credentials(profile, 'sentinel');
  // Sentinel hands out addresses: verify each node against its own address, unless the
  // profile names the certificate explicitly.
  const nodeTls = tls && tlsForHost(tls, undefined, profile.tls.serverName);
  return {
    ...common,
    ...credentials(profile, 'data'),
    sentinels: profile.sentinels,
    name: profile.masterName,
    role: profile.role === 'replica' ? 'slave' : 'master',
    preferredSlaves: preferInSync,
    sentinelUsername: sentinel.username,
    sentinelPassword: sentinel.password,
    sentinelCommandTimeout: profile.connectTimeoutMs,
    sentinelRetryStrategy: hooks.sentinelRetryStrategy,
    // The session's SwitchListener detects failovers (ioredis' detector reconnects on every copy).
    failoverDetector: false,
    enableTLSForSentinelMode: !!nodeTls,
    tls: nodeTls,
    sentinelTLS: nodeTls,
  };
}
