import type Redis from 'ioredis';
import type { ConnectionOptions } from 'node:tls';
import type { ApiError } from '../../../shared/api/errors';
import type { Endpoint } from '../../../shared/api/profiles';
import { mapError } from '../api/mapError';
import { formatAddress, toFailure } from '../redis/nodeErrors';
import { noSentinelAnswered, type Unanswered } from '../redis/noSentinelAnswered';
import { withProbe } from '../redis/probeConnection';
import type { SentinelProfile } from '../redis/redisOptions';
import {
  entryEndpoint,
  isHealthyReplica,
  masterAddress,
  toEntries,
  type SentinelEntry,
} from '../redis/sentinelReplies';

/** What one sentinel said about the master name. */
interface SentinelAnswer {
  address: string;
  master: Endpoint | null;
  replicas: SentinelEntry[];
  /** Sentinels monitoring the master, this one included. */
  sentinels: number;
  /** Master names it monitors (asked only when it does not know ours). */
  knownMasters: string[];
}

export interface SentinelDiscovery {
  master: Endpoint;
  replicas: SentinelEntry[];
  healthyReplicas: Endpoint[];
  sentinels: number;
  /** How many of the configured sentinels answered. */
  reachable: number;
}

async function replicasOf(client: Redis, name: string): Promise<unknown> {
  try {
    return await client.call('SENTINEL', 'REPLICAS', name);
  } catch (e) {
    // Before Redis 5 the subcommand was only called SLAVES.
    if (/unknown/i.test(String(e))) return client.call('SENTINEL', 'SLAVES', name);
    throw e;
  }
}

function askSentinel(profile: SentinelProfile, endpoint: Endpoint, tls?: ConnectionOptions): Promise<SentinelAnswer> {
  const address = formatAddress(endpoint.host, endpoint.port);
  const name = profile.masterName;
  return withProbe({ profile, endpoint, role: 'sentinel', tls }, async (client) => {
    const master = masterAddress(await client.call('SENTINEL', 'GET-MASTER-ADDR-BY-NAME', name));
    if (!master) {
      const known = toEntries(await client.call('SENTINEL', 'MASTERS')).map((entry) => entry['name'] ?? '');
      return { address, master, replicas: [], sentinels: 0, knownMasters: known.filter(Boolean) };
    }
    const [replicas, others] = await Promise.all([
      replicasOf(client, name),
      client.call('SENTINEL', 'SENTINELS', name),
    ]);
    return {
      address,
      master,
      replicas: toEntries(replicas),
      sentinels: toEntries(others).length + 1,
      knownMasters: [],
    };
  });
}

function unknownMaster(profile: SentinelProfile, answers: SentinelAnswer[]): ApiError {
  const known = [...new Set(answers.flatMap((a) => a.knownMasters))];
  const monitored = known.length ? `They monitor: ${known.join(', ')}.` : 'They monitor no master at all.';
  return {
    code: 'UNKNOWN_MASTER',
    message: `The sentinels (${answers.map((a) => a.address).join(', ')}) answered, but none monitors a master named "${profile.masterName}". ${monitored}`,
    details: { masterName: profile.masterName, knownMasters: known },
  };
}

/** The master most sentinels report (they can disagree for a moment during a failover). */
function majority(answers: SentinelAnswer[]): SentinelAnswer {
  const votes = new Map<string, number>();
  const key = (a: SentinelAnswer) => (a.master ? formatAddress(a.master.host, a.master.port) : '');
  for (const a of answers) votes.set(key(a), (votes.get(key(a)) ?? 0) + 1);
  return [...answers].sort((a, b) => (votes.get(key(b)) ?? 0) - (votes.get(key(a)) ?? 0))[0]!;
}

/**
 * Asks every configured sentinel (in parallel, with the sentinel credentials) where the master
 * is, which replicas and sentinels it knows. Fails with AUTH_FAILED / AUTH_REQUIRED / TLS_FAILED /
 * NO_SENTINEL_REACHABLE when none answered, UNKNOWN_MASTER when none knows the name.
 */
export async function discoverSentinels(profile: SentinelProfile, tls?: ConnectionOptions): Promise<SentinelDiscovery> {
  const results = await Promise.allSettled(profile.sentinels.map((endpoint) => askSentinel(profile, endpoint, tls)));
  const answers: SentinelAnswer[] = [];
  const failures: Unanswered[] = [];
  results.forEach((result, i) => {
    const endpoint = profile.sentinels[i]!;
    if (result.status === 'fulfilled') answers.push(result.value);
    else failures.push({ address: formatAddress(endpoint.host, endpoint.port), error: mapError(result.reason) });
  });
  if (answers.length === 0) throw toFailure(noSentinelAnswered(failures));
  const knowing = answers.filter((a) => a.master);
  if (knowing.length === 0) throw toFailure(unknownMaster(profile, answers));
  const best = majority(knowing);
  return {
    master: best.master!,
    replicas: best.replicas,
    healthyReplicas: best.replicas.filter(isHealthyReplica).map(entryEndpoint),
    sentinels: best.sentinels,
    reachable: answers.length,
  };
}

/** The data node a profile's role uses: the master, or a healthy replica (NO_REPLICA if none). */
export function pickDataNode(profile: SentinelProfile, discovery: SentinelDiscovery): Endpoint {
  if (profile.role === 'master') return discovery.master;
  const replica = discovery.healthyReplicas[0];
  if (replica) return replica;
  const known = discovery.replicas.length;
  throw toFailure({
    code: 'NO_REPLICA',
    message: known
      ? `Sentinel knows ${known} replica${known === 1 ? '' : 's'} of "${profile.masterName}", but none is healthy (down, disconnected or not in sync with the master).`
      : `"${profile.masterName}" has no replica to browse. Connect to the master instead.`,
    details: { replicas: discovery.replicas.map((r) => ({ address: `${r['ip']}:${r['port']}`, flags: r['flags'] })) },
  });
}
