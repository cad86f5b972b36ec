import { ApiFailure } from '../api/apiFailure';
import { MAX_VALUE_BYTES } from '../../../shared/api/values';
import { showKey } from '../keys/keyBytes';

/** NOT_FOUND for a key that was deleted or expired while it was open. */
export const keyGone = (key: Buffer): ApiFailure =>
  new ApiFailure('NOT_FOUND', `The key ${showKey(key)} no longer exists (deleted or expired).`);

/** WRONGTYPE for a key that now holds another type (it was replaced meanwhile). */
export const wrongType = (key: Buffer, type: string, expected: string): ApiFailure =>
  new ApiFailure(
    'WRONGTYPE',
    `The key ${showKey(key)} is now a ${type}, not a ${expected}: it was replaced. Reload it.`,
    { type },
  );

/** VALUE_TOO_LARGE: more than core loads or writes whole. */
export const tooLarge = (size: number): ApiFailure =>
  new ApiFailure(
    'VALUE_TOO_LARGE',
    `The value is ${size.toLocaleString('en')} bytes; Redlens loads and writes values up to ${MAX_VALUE_BYTES.toLocaleString('en')} bytes whole.`,
    { size, max: MAX_VALUE_BYTES },
  );

/** Throws unless `type` (a TYPE reply) is `expected`. */
export function expectType(key: Buffer, type: unknown, expected: string): void {
  if (type instanceof Error) throw type;
  const actual = String(type);
  if (actual === 'none') throw keyGone(key);
  if (actual !== expected) throw wrongType(key, actual, expected);
}

const replyWord = (e: unknown): string | undefined =>
  e instanceof Error && e.name === 'ReplyError' ? /^([A-Z][A-Z_]+)\b/.exec(e.message)?.[1] : undefined;

/** Scripting is unavailable here (ACL NOPERM, EVAL renamed or disabled): use WATCH instead. */
export function scriptingRefused(e: unknown): boolean {
  if (!(e instanceof Error) || e.name !== 'ReplyError') return false;
  return replyWord(e) === 'NOPERM' || /unknown command/i.test(e.message);
}

/**
 * A MULTI whose commands were refused while queued (READONLY, OOM) fails with EXECABORT; ioredis
 * keeps the refusals in `previousErrors`, and the first one says why.
 */
function queuingError(e: unknown): unknown {
  const previous = (e as { previousErrors?: unknown[] } | null)?.previousErrors;
  return replyWord(e) === 'EXECABORT' && previous?.[0] ? previous[0] : e;
}

/**
 * Server refusals a value read or write can meet, with what they mean for the user; anything
 * else goes to mapError unchanged (connection lost, timeouts…). Nothing is retried: a write that
 * failed mid-flight may or may not have applied, and the user decides after reloading.
 */
export function explainRedisError(error: unknown, key: Buffer): unknown {
  const e = queuingError(error);
  const word = replyWord(e);
  const reply = (e as Error).message;
  switch (word) {
    case 'READONLY':
      return new ApiFailure(
        'READ_ONLY',
        'The server is a read-only replica (it may have just been demoted by a failover): nothing was written. Reconnect to the master and retry.',
        { reply },
      );
    case 'OOM':
      return new ApiFailure(
        'OOM',
        'The server is out of memory (maxmemory reached): nothing was written. Free memory or raise maxmemory, then retry.',
        { reply },
      );
    case 'WRONGTYPE':
      return new ApiFailure(
        'WRONGTYPE',
        `The key ${showKey(key)} holds another type now: it was replaced. Reload it.`,
        {
          type: 'unknown',
        },
      );
  }
  return e;
}

/**
 * A write that met a lost connection: never re-sent (the session does not resend either), and
 * the user is told whether it can have been applied. ioredis refuses a command it could not
 * send ("Stream isn't writeable": nothing reached Redis) differently from one in flight when the
 * link dropped (MaxRetriesPerRequestError, as the session never resends): that one may or may
 * not have been applied.
 */
export function explainWriteError(error: unknown, key: Buffer): unknown {
  const e = explainRedisError(error, key);
  const message = e instanceof Error ? e.message : '';
  const code = (e as { code?: string } | null)?.code;
  if (/stream isn't writeable/i.test(message)) {
    return new ApiFailure(
      'CONNECTION_LOST',
      'Not connected to the server right now (it is reconnecting or failing over): nothing was written. Retry once the session is back.',
      { applied: false },
    );
  }
  const inFlight = e instanceof Error && e.name === 'MaxRetriesPerRequestError';
  if (inFlight || /connection is closed/i.test(message) || code === 'ECONNRESET' || code === 'EPIPE') {
    return new ApiFailure(
      'CONNECTION_LOST',
      'The connection dropped during the save, so it may or may not have been applied. Reload the key to check before retrying.',
      { applied: 'unknown' },
    );
  }
  return e;
}
