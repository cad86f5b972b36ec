import Redis from 'ioredis';
import type { z } from 'zod';
import type { ConnectionTargetSchema } from '../../../shared/api/connection';
import { ApiFailure } from '../api/apiFailure';
import { mapError } from '../api/mapError';
import type { EventBus } from '../events/eventBus';

export type ConnectionTargetParams = z.output<typeof ConnectionTargetSchema>;

/** Errors from ioredis' 'error' events say what happened; the rejection only says "closed". */
const isInformative = (e: unknown): boolean => e instanceof Error && !/connection is closed/i.test(e.message);

/**
 * Opens one short-lived connection, runs `fn`, and always closes it. No retries: a quick
 * connect must answer fast and precisely (refused, timeout, wrong password…). Pushes
 * `connection.state` events so the UI can show progress.
 */
export async function withAdhocConnection<T>(
  target: ConnectionTargetParams,
  bus: EventBus,
  fn: (client: Redis) => Promise<T>,
): Promise<T> {
  const where = `${target.host}:${target.port}`;
  const timeoutMs = target.connectTimeoutMs;
  const client = new Redis({
    host: target.host,
    port: target.port,
    username: target.username || undefined,
    password: target.password || undefined,
    connectionName: 'redlens:probe',
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

  bus.emit('connection.state', { target: where, state: 'connecting', at: Date.now() });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    // ioredis' own timeouts apply per phase; this bounds the whole operation.
    timer = setTimeout(
      () =>
        reject(
          new ApiFailure(
            'TIMEOUT',
            `No answer from ${where} within ${(timeoutMs / 1000).toFixed(1)} s. The server may be down, paused or behind a firewall.`,
          ),
        ),
      timeoutMs + 250,
    );
  });
  try {
    const value = await Promise.race([
      (async () => {
        await client.connect();
        bus.emit('connection.state', { target: where, state: 'ready', at: Date.now() });
        return fn(client);
      })(),
      deadline,
    ]);
    return value;
  } catch (e) {
    const cause = e instanceof ApiFailure ? e : isInformative(e) ? e : (firstError ?? e);
    const error = mapError(cause, where);
    bus.emit('connection.state', { target: where, state: 'failed', error, at: Date.now() });
    throw new ApiFailure(error.code, error.message, error.details);
  } finally {
    clearTimeout(timer);
    client.disconnect();
    bus.emit('connection.state', { target: where, state: 'closed', at: Date.now() });
  }
}
