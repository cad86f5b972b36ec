import type Redis from 'ioredis';
import type { ChainableCommander } from 'ioredis';
import type { WriteResult } from '../../../shared/api/values';
import { evalCached } from './evalCached';
import { scriptingRefused } from './valueErrors';

/** What a guarded write found: `OK` (written) or a refusal status of luaScripts.ts. */
export interface GuardedOutcome {
  status: string;
  /** TYPE when the status is `TYPE`. */
  type?: string;
  /** The key right after the write, when `OK`: PTTL, STRLEN or HLEN, OBJECT ENCODING. */
  after?: KeyAfterWrite;
}

export interface KeyAfterWrite {
  ttlMs: number;
  size: number;
  encoding?: string;
}

/** One compare-and-set write, as a Lua script and as the same steps under WATCH. */
export interface GuardedWrite {
  key: Buffer;
  /** Further keys the script reads or writes (KEYS[2]…), watched too by the fallback. */
  otherKeys?: Buffer[];
  /**
   * The whole step as one script; left out when the script would have to copy more than
   * SCRIPT_VALUE_MAX_BYTES (a big new value), and then WATCH does it. A script that would hash
   * a big current value answers BIG, which goes to WATCH too.
   */
  script?: string;
  args: (string | Buffer | number)[];
  /** WATCH fallback: reads under WATCH and answers a status as the script would ('OK' to write). */
  check(conn: Redis): Promise<GuardedOutcome>;
  /** WATCH fallback: the writes, queued in MULTI (the key's PTTL, size and encoding are read after them). */
  write(multi: ChainableCommander): void;
  /** What the key holds once written (which size command reads it after the write). */
  keyType: 'string' | 'hash';
}

/** WATCH attempts when another client keeps changing the key; an aborted EXEC applied nothing. */
const WATCH_ATTEMPTS = 3;

export const afterWrite = (ttl: unknown, size: unknown, encoding: unknown): KeyAfterWrite => ({
  ttlMs: Number(ttl),
  size: Number(size),
  ...(typeof encoding === 'string' ? { encoding } : {}),
});

const asOutcome = (reply: unknown): GuardedOutcome => {
  const [status, extra, size, encoding] = reply as [string, string | number | undefined, unknown, unknown];
  if (status === 'OK') return { status, after: afterWrite(extra, size, encoding) };
  return status === 'TYPE' ? { status, type: String(extra) } : { status };
};

const runScript = async (client: Redis, script: string, op: GuardedWrite): Promise<GuardedOutcome> =>
  asOutcome(await evalCached(client, script, [op.key, ...(op.otherKeys ?? [])], op.args));

/**
 * WATCH needs a connection of its own (the session's is shared by concurrent requests), so the
 * fallback duplicates it (same server, db and credentials) for the duration of the write. The
 * copy never reconnects: the session's retry hooks (and its state events) stay the session's.
 */
async function runWatched(client: Redis, op: GuardedWrite): Promise<GuardedOutcome> {
  const conn = client.duplicate({ retryStrategy: () => null, sentinelRetryStrategy: () => null, lazyConnect: true });
  // Failures reach the caller through the commands' rejections; the event would only be logged.
  conn.on('error', () => undefined);
  try {
    await conn.connect();
    for (let attempt = 0; attempt < WATCH_ATTEMPTS; attempt++) {
      await conn.watch(op.key, ...(op.otherKeys ?? []));
      const found = await op.check(conn);
      if (found.status !== 'OK') {
        await conn.unwatch();
        return found;
      }
      const multi = conn.multi();
      op.write(multi);
      multi.pttl(op.key)[op.keyType === 'hash' ? 'hlen' : 'strlen'](op.key).object('ENCODING', op.key);
      const replies = await multi.exec();
      if (replies) {
        for (const [err] of replies) if (err) throw err;
        const [ttl, size, encoding] = replies.slice(-3).map(([, reply]) => reply);
        return { status: 'OK', after: afterWrite(ttl, size, encoding) };
      }
    }
    return { status: 'CONFLICT' };
  } finally {
    conn.disconnect();
  }
}

/**
 * Runs a compare-and-set write atomically: a Lua script, or WATCH/MULTI/EXEC where scripting is
 * refused (ACL, renamed EVAL) or the values are too big for a script to handle without stalling
 * Redis (BIG; the script changed nothing then). Never re-sends a write whose outcome is unknown.
 */
export async function guardedWrite(client: Redis, op: GuardedWrite): Promise<GuardedOutcome> {
  if (op.script !== undefined) {
    try {
      const outcome = await runScript(client, op.script, op);
      if (outcome.status !== 'BIG') return outcome;
    } catch (e) {
      if (!scriptingRefused(e)) throw e;
    }
  }
  return runWatched(client, op);
}

/** The answer of a save that wrote `size` bytes of the value whose SHA-1 is `version`. */
export function writeResult(version: string, size: number, outcome: GuardedOutcome): WriteResult {
  const after = outcome.after ?? { ttlMs: -1, size };
  return {
    version,
    size,
    ttlMs: after.ttlMs,
    keySize: after.size,
    ...(after.encoding ? { encoding: after.encoding } : {}),
  };
}
