import type { ServerInfo, ServerMode, ServerRole } from '../../../shared/api/server';
import type { Handler } from '../api/dispatch';
import type { EventBus } from '../events/eventBus';
import { withAdhocConnection } from './adhocConnection';
import { infoNumber, parseInfo } from './parseInfo';

const timePing = async (client: { ping(): Promise<string> }) => {
  const started = performance.now();
  const reply = await client.ping();
  return { reply, latencyMs: Math.round((performance.now() - started) * 100) / 100 };
};

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

export function serverHandlers(bus: EventBus): {
  'server.ping': Handler<'server.ping'>;
  'server.info': Handler<'server.info'>;
} {
  return {
    'server.ping': (target) => withAdhocConnection(target, bus, timePing),
    'server.info': (target) =>
      withAdhocConnection(target, bus, async (client) => {
        const { latencyMs } = await timePing(client);
        return summarizeInfo(parseInfo(await client.info()), latencyMs);
      }),
  };
}
