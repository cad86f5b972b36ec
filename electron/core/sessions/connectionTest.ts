import type { ConnectionOptions } from 'node:tls';
import type { ConnectionTestReport, Endpoint } from '../../../shared/api/profiles';
import { mapError } from '../api/mapError';
import type { ResolvedProfile } from '../profiles/resolvedProfile';
import { announcedBySentinels, formatAddress, toFailure } from '../redis/nodeErrors';
import { withProbe } from '../redis/probeConnection';
import type { NodeRole } from '../redis/redisOptions';
import { discoverSentinels, pickDataNode } from './sentinelDiscovery';
import { readServerInfo } from '../redis/serverInfo';
import { loadTlsOptions } from '../redis/tlsOptions';

async function probeDataNode(
  profile: ResolvedProfile,
  endpoint: Endpoint,
  role: NodeRole,
  tls: ConnectionOptions | undefined,
): Promise<ConnectionTestReport> {
  const info = await withProbe({ profile, endpoint, role, tls }, readServerInfo);
  return {
    address: formatAddress(endpoint.host, endpoint.port),
    version: info.version,
    mode: info.mode,
    role: info.role,
    latencyMs: info.latencyMs,
    tls: !!tls,
  };
}

/**
 * "Test connection" for unsaved settings. Standalone: connect, PING, INFO. Sentinel: ask every
 * sentinel about the master, then connect to the master (or a healthy replica for role
 * `replica`) with the data-node credentials. Every connection it opens is closed before it
 * returns; failures are ApiFailures with precise codes and messages.
 */
export async function testConnection(profile: ResolvedProfile): Promise<ConnectionTestReport> {
  const tls = await loadTlsOptions(profile.tls);
  if (profile.kind === 'standalone') return probeDataNode(profile, profile, 'standalone', tls);
  const discovery = await discoverSentinels(profile, tls);
  const report = await probeDataNode(profile, pickDataNode(profile, discovery), 'data', tls).catch((e: unknown) => {
    throw toFailure(announcedBySentinels(mapError(e), profile.masterName, profile.role));
  });
  return {
    ...report,
    sentinel: {
      master: discovery.master,
      replicas: discovery.replicas.length,
      sentinels: discovery.sentinels,
      sentinelsReachable: discovery.reachable,
    },
  };
}
