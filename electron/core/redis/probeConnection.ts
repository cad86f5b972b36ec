import Redis from 'ioredis';
import type { ConnectionOptions } from 'node:tls';
import type { Endpoint } from '../../../shared/api/profiles';
import { ApiFailure } from '../api/apiFailure';
import type { ResolvedProfile } from '../profiles/resolvedProfile';
import { describeNodeError, formatAddress, isInformative, toFailure } from './nodeErrors';
import { nodeOptions, type NodeRole } from './redisOptions';
import { explainConnectError } from './tlsDiagnosis';

export const PROBE_CONNECTION_NAME = 'redlens:test';

export interface ProbeTarget {
  profile: ResolvedProfile;
  endpoint: Endpoint;
  role: NodeRole;
  /** The profile's TLS options, already loaded (see loadTlsOptions). */
  tls: ConnectionOptions | undefined;
  /** Called once connected and authenticated, before `fn` runs (progress for the UI). */
  onConnected?: () => void;
}

/**
 * Opens one short-lived connection to a node, runs `fn`, and always closes it. No retries and
 * one deadline for the whole thing (connect, AUTH, ready check, `fn`): a connection test must
 * answer fast and precisely. Failures are ApiFailures that name the node and its credentials.
 */
export async function withProbe<T>(target: ProbeTarget, fn: (client: Redis) => Promise<T>): Promise<T> {
  const { profile, endpoint, role, tls } = target;
  const where = formatAddress(endpoint.host, endpoint.port);
  const timeoutMs = profile.connectTimeoutMs;
  const client = new Redis({
    ...nodeOptions(profile, endpoint, role, tls),
    connectionName: PROBE_CONNECTION_NAME,
    lazyConnect: true,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  let firstError: unknown;
  client.on('error', (e: unknown) => {
    if (firstError === undefined && isInformative(e)) firstError = e;
  });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    // ioredis' own timeouts apply per phase; this bounds the whole probe.
    const seconds = (timeoutMs / 1000).toFixed(1);
    const message = `No answer from ${where} within ${seconds} s. The server may be down, paused or behind a firewall.`;
    timer = setTimeout(() => reject(new ApiFailure('TIMEOUT', message)), timeoutMs + 250);
  });
  try {
    const run = client.connect().then(() => {
      target.onConnected?.();
      return fn(client);
    });
    return await Promise.race([run, deadline]);
  } catch (e) {
    const cause = e instanceof ApiFailure || isInformative(e) ? e : (firstError ?? e);
    const error = describeNodeError(cause, where, role);
    throw toFailure(await explainConnectError(error, endpoint, !!tls));
  } finally {
    clearTimeout(timer);
    client.disconnect();
  }
}
