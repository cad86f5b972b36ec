import type Redis from 'ioredis';
import type { ServerInfo, ServerMode, ServerRole } from '../../../shared/api/server';
import { infoNumber, parseInfo } from './parseInfo';

/** The parsed INFO sections as the `ServerInfo` the UI shows (mode, role, version, a few counters). */
export function summarizeInfo(sections: Record<string, Record<string, string>>, latencyMs: number): ServerInfo {
  const server = sections['server'] ?? {};
  const modeRaw = server['redis_mode'];
  const mode: ServerMode = modeRaw === 'sentinel' || modeRaw === 'cluster' ? modeRaw : 'standalone';
  const roleRaw = sections['replication']?.['role'];
  const role: ServerRole = mode === 'sentinel' ? 'sentinel' : roleRaw === 'slave' ? 'replica' : 'master';
  return {
    version: server['redis_version'] ?? 'unknown',
    mode,
    role,
    latencyMs,
    uptimeSeconds: infoNumber(server['uptime_in_seconds']),
    connectedClients: infoNumber(sections['clients']?.['connected_clients']),
    usedMemoryHuman: sections['memory']?.['used_memory_human'] ?? null,
    sections,
  };
}

/** PING round trip in ms (two decimals). */
export async function timePing(client: { ping(): Promise<string> }): Promise<{ reply: string; latencyMs: number }> {
  const started = performance.now();
  const reply = await client.ping();
  return { reply, latencyMs: Math.round((performance.now() - started) * 100) / 100 };
}

/** PING round trip, then INFO: what a session's `info`, a connection test and `server.info` show. */
export async function readServerInfo(client: Redis): Promise<ServerInfo> {
  const { latencyMs } = await timePing(client);
  return summarizeInfo(parseInfo(await client.info()), latencyMs);
}
