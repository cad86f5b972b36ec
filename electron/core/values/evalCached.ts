import type Redis from 'ioredis';
import { versionOf } from './valueCodec';

/**
 * EVALSHA, sending the script itself (EVAL) only when the server does not have it cached
 * (NOSCRIPT: a new server after a failover, SCRIPT FLUSH). NOSCRIPT means it did not run.
 */
export async function evalCached(
  client: Redis,
  script: string,
  keys: Buffer[],
  args: (string | Buffer | number)[],
): Promise<unknown> {
  const sha = versionOf(Buffer.from(script));
  try {
    return await client.evalsha(sha, keys.length, ...keys, ...args);
  } catch (e) {
    if (!(e instanceof Error) || !/^NOSCRIPT/.test(e.message)) throw e;
    return client.eval(script, keys.length, ...keys, ...args);
  }
}

/** evalCached for scripts that answer bytes: bulk replies come back as Buffers, exactly. */
export async function evalCachedBuffers(
  client: Redis,
  script: string,
  keys: Buffer[],
  args: (string | Buffer | number)[],
): Promise<unknown> {
  const sha = versionOf(Buffer.from(script));
  try {
    return await client.callBuffer('EVALSHA', sha, keys.length, ...keys, ...args);
  } catch (e) {
    if (!(e instanceof Error) || !/^NOSCRIPT/.test(e.message)) throw e;
    return client.callBuffer('EVAL', script, keys.length, ...keys, ...args);
  }
}
