import type Redis from 'ioredis';
import type { ServerInfo } from '../../../shared/api/server';
import { parseInfo } from '../server/parseInfo';
import { summarizeInfo } from '../server/serverHandlers';

/** PING round trip, then INFO: what a session's `info` and a connection test show. */
export async function readServerInfo(client: Redis): Promise<ServerInfo> {
  const started = performance.now();
  await client.ping();
  const latencyMs = Math.round((performance.now() - started) * 100) / 100;
  return summarizeInfo(parseInfo(await client.info()), latencyMs);
}
