import { createHash } from 'node:crypto';
import type Redis from 'ioredis';

/** Bytes per GETRANGE when core hashes a long string itself: one bounded copy in Redis each. */
export const DIGEST_WINDOW_BYTES = 4 * 1024 * 1024;

/**
 * The SHA-1 (a version) of a string's first `size` bytes, hashed here from GETRANGE windows, so
 * Redis never hashes and never copies more than one window per command. Not atomic by itself:
 * under WATCH a change meanwhile aborts the EXEC that follows; elsewhere a change makes a digest
 * that matches nothing that was loaded.
 */
export async function hashStringInWindows(conn: Redis, key: Buffer, size: number): Promise<string> {
  const hash = createHash('sha1');
  for (let offset = 0; offset < size; offset += DIGEST_WINDOW_BYTES) {
    hash.update(await conn.getrangeBuffer(key, offset, Math.min(size, offset + DIGEST_WINDOW_BYTES) - 1));
  }
  return hash.digest('hex');
}
