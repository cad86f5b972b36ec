import type Redis from 'ioredis';
import type { Endpoint } from '../../../shared/api/profiles';
import type { ResolvedProfile } from '../profiles/resolvedProfile';
import { formatAddress } from '../redis/nodeErrors';

/** `host:port` of the node a connection's socket is connected to, if it is. */
export function clientAddress(client: Redis): string | undefined {
  const { remoteAddress, remotePort } = client.stream ?? {};
  return remoteAddress && remotePort ? formatAddress(remoteAddress, remotePort) : undefined;
}

/**
 * `host:port` of a session's data node: the profile's server; with Sentinel, the live socket's
 * peer, else the address in a connect error `e`, else where the sentinels said it is.
 */
export function dataNodeAddress(
  profile: ResolvedProfile,
  client: Redis | undefined,
  dataNode: Endpoint | undefined,
  e?: unknown,
): string {
  if (profile.kind === 'standalone') return formatAddress(profile.host, profile.port);
  const live = client && clientAddress(client);
  if (live) return live;
  const sys = e as { address?: string; port?: number } | undefined;
  if (sys?.address && sys.port) return formatAddress(sys.address, sys.port);
  return dataNode ? formatAddress(dataNode.host, dataNode.port) : profile.masterName;
}
