import type Redis from 'ioredis';
import { versionOf } from './valueCodec';

type ScriptArgs = (string | Buffer | number)[];

/**
 * EVALSHA, sending the script itself (EVAL) only when the server does not have it cached
 * (NOSCRIPT: a new server after a failover, SCRIPT FLUSH). NOSCRIPT means it did not run.
 */
export async function evalCached(client: Redis, script: string, keys: Buffer[], args: ScriptArgs): Promise<unknown> {
  return bySha(
    script,
    (sha) => client.evalsha(sha, keys.length, ...keys, ...args),
    () => client.eval(script, keys.length, ...keys, ...args),
  );
}

/** evalCached for scripts that answer bytes: bulk replies come back as Buffers, exactly. */
export async function evalCachedBuffers(
  client: Redis,
  script: string,
  keys: Buffer[],
  args: ScriptArgs,
): Promise<unknown> {
  return bySha(
    script,
    (sha) => client.callBuffer('EVALSHA', sha, keys.length, ...keys, ...args),
    () => client.callBuffer('EVAL', script, keys.length, ...keys, ...args),
  );
}

/** Runs the script by its SHA-1; on NOSCRIPT (it did not run) sends it whole instead. */
async function bySha(
  script: string,
  evalsha: (sha: string) => Promise<unknown>,
  evalScript: () => Promise<unknown>,
): Promise<unknown> {
  const sha = versionOf(Buffer.from(script));
  try {
    return await evalsha(sha);
  } catch (e) {
    if (!(e instanceof Error) || !/^NOSCRIPT/.test(e.message)) throw e;
    return evalScript();
  }
}
