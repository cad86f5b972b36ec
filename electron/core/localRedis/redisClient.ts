import { Redis, type RedisOptions } from 'ioredis';

export interface Endpoint {
  host: string;
  port: number;
}

/**
 * Creates an ioredis client and waits for the connection; rejects if it cannot connect, with the
 * server's actual reason (e.g. WRONGPASS) rather than ioredis' generic "Connection is closed".
 */
export async function connectClient(options: RedisOptions): Promise<Redis> {
  const client = new Redis({ ...options, lazyConnect: true });
  let lastError: Error | undefined;
  const remember = (err: Error): void => {
    lastError = err;
  };
  client.on('error', remember);
  try {
    await client.connect();
  } catch (err) {
    client.disconnect();
    throw lastError ?? err;
  } finally {
    client.off('error', remember);
  }
  return client;
}

/**
 * Runs `fn` with a short-lived client meant for probes of local nodes: fails fast, never reconnects,
 * never queues commands, and is always closed afterwards.
 */
export async function withProbeClient<T>(
  endpoint: Endpoint,
  password: string | undefined,
  fn: (client: Redis) => Promise<T>,
  timeoutMs = 1500,
): Promise<T> {
  const client = await connectClient({
    host: endpoint.host,
    port: endpoint.port,
    password,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableReadyCheck: false,
    disableClientInfo: true,
    enableOfflineQueue: true,
    retryStrategy: () => null,
  });
  // Late socket errors (e.g. the server got killed) must not surface as unhandled events.
  client.on('error', () => {});
  try {
    return await fn(client);
  } finally {
    client.disconnect();
  }
}

/** Parses INFO output into `field -> value`. */
export function parseInfo(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0 && !line.startsWith('#')) fields[line.slice(0, i)] = line.slice(i + 1);
  }
  return fields;
}

/** Turns a flat `[k1, v1, k2, v2, …]` reply (as returned by SENTINEL MASTER etc.) into an object. */
export function pairsToObject(reply: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!Array.isArray(reply)) return out;
  for (let i = 0; i + 1 < reply.length; i += 2) out[String(reply[i])] = String(reply[i + 1]);
  return out;
}
