import type { Endpoint } from '../../../shared/api/profiles';

/** A `SENTINEL MASTERS|REPLICAS|SENTINELS` entry: a flat `[field, value, …]` array as an object. */
export type SentinelEntry = Record<string, string>;

export function toEntries(reply: unknown): SentinelEntry[] {
  if (!Array.isArray(reply)) return [];
  return reply.map((flat: unknown) => {
    const entry: SentinelEntry = {};
    if (Array.isArray(flat)) for (let i = 0; i + 1 < flat.length; i += 2) entry[String(flat[i])] = String(flat[i + 1]);
    return entry;
  });
}

const DOWN_FLAGS = ['s_down', 'o_down', 'disconnected'];

/** Up as far as Sentinel knows, and replicating: its data is current. */
export function isHealthyReplica(entry: { flags?: string }): boolean {
  const flags = (entry.flags ?? '').split(',');
  const link = (entry as Partial<SentinelEntry>)['master-link-status'];
  return !flags.some((flag) => DOWN_FLAGS.includes(flag)) && link === 'ok';
}

export const entryEndpoint = (entry: SentinelEntry): Endpoint => ({
  host: entry['ip'] ?? '',
  port: Number(entry['port']),
});

/** `GET-MASTER-ADDR-BY-NAME`: `[ip, port]`, or null when the sentinel does not know the name. */
export function masterAddress(reply: unknown): Endpoint | null {
  if (!Array.isArray(reply) || reply.length < 2) return null;
  return { host: String(reply[0]), port: Number(reply[1]) };
}
