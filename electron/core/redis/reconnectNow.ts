import type Redis from 'ioredis';

/**
 * Cuts short ioredis' wait before its next reconnect attempt. ioredis keeps that timer in
 * `reconnectTimeout` and has no public way to skip it; `disconnect()` clears it but also ends
 * the client. Returns false when there was no pending wait (nothing to cut short).
 */
export function reconnectNow(client: Redis): boolean {
  const pending = client as unknown as { reconnectTimeout?: NodeJS.Timeout | null };
  if (client.status !== 'reconnecting' || !pending.reconnectTimeout) return false;
  clearTimeout(pending.reconnectTimeout);
  pending.reconnectTimeout = null;
  client.connect().catch(() => {
    // A failed attempt goes through retryStrategy like any other.
  });
  return true;
}
