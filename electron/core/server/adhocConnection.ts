import type Redis from 'ioredis';
import type { z } from 'zod';
import type { ConnectionTargetSchema } from '../../../shared/api/connection';
import { ApiFailure } from '../api/apiFailure';
import { mapError } from '../api/mapError';
import type { EventBus } from '../events/eventBus';
import type { ResolvedProfile } from '../profiles/resolvedProfile';
import { withProbe } from '../redis/probeConnection';

export type ConnectionTargetParams = z.output<typeof ConnectionTargetSchema>;

/** Quick connect as an unsaved standalone profile, so it shares the probe's errors and timeouts. */
const asProfile = (t: ConnectionTargetParams): ResolvedProfile => ({
  kind: 'standalone',
  name: `${t.host}:${t.port}`,
  color: 'gray',
  readOnly: true,
  connectTimeoutMs: t.connectTimeoutMs,
  keyDelimiter: ':',
  scanCount: 1_000,
  db: 0,
  host: t.host,
  port: t.port,
  ...(t.username ? { username: t.username } : {}),
  ...(t.password ? { password: t.password } : {}),
  tls: { enabled: false, verify: true },
});

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
  bus.emit('connection.state', { target: where, state: 'connecting', at: Date.now() });
  try {
    return await withProbe(
      {
        profile: asProfile(target),
        endpoint: { host: target.host, port: target.port },
        role: 'standalone',
        tls: undefined,
        onConnected: () => bus.emit('connection.state', { target: where, state: 'ready', at: Date.now() }),
      },
      fn,
    );
  } catch (e) {
    const error = mapError(e, where);
    bus.emit('connection.state', { target: where, state: 'failed', error, at: Date.now() });
    throw new ApiFailure(error.code, error.message, error.details);
  } finally {
    bus.emit('connection.state', { target: where, state: 'closed', at: Date.now() });
  }
}
