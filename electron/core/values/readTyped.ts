import type { ChainableCommander } from 'ioredis';
import { execReplies, throwErrors } from './execAll';
import type { ValueContext } from './valueContext';
import { expectType } from './valueErrors';

/** NOT_FOUND / WRONGTYPE unless `type` (a TYPE reply) is `expected`; a gone key leaves the tree. */
export async function checkType(ctx: ValueContext, sessionId: string, key: Buffer, type: unknown, expected: string) {
  if (type === 'none') await ctx.keyMaybeGone(sessionId, key);
  expectType(key, type, expected);
}

/**
 * Runs commands on a key in one MULTI that starts with TYPE, so a key that is gone or was
 * replaced by another type gets a clear NOT_FOUND / WRONGTYPE instead of Redis' raw error (the
 * other commands then did nothing). Returns the replies of the commands `queue` added.
 */
export async function readTyped(
  ctx: ValueContext,
  sessionId: string,
  key: Buffer,
  expected: string,
  queue: (multi: ChainableCommander) => void,
  run: 'read' | 'write' = 'read',
): Promise<unknown[]> {
  const multi = ctx.client(sessionId).multi().type(key);
  queue(multi);
  const exec = () => execReplies(multi);
  const replies = await (run === 'write' ? ctx.write(key, exec) : ctx.redis(key, exec));
  await checkType(ctx, sessionId, key, replies[0], expected);
  return throwErrors(replies.slice(1));
}
