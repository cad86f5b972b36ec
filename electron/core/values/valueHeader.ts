import type { KeyBytes } from '../../../shared/api/keys';
import type { ValueHeader } from '../../../shared/api/values';
import { decodeKey } from '../keys/keyBytes';
import { execReplies } from './execAll';
import type { ValueContext } from './valueContext';
import { keyGone } from './valueErrors';

const SIZE_COMMANDS = [
  ['string', 'STRLEN'],
  ['hash', 'HLEN'],
  ['list', 'LLEN'],
  ['set', 'SCARD'],
  ['zset', 'ZCARD'],
  ['stream', 'XLEN'],
] as const;

/**
 * values.header in one MULTI (one round trip, one consistent snapshot): TYPE, PTTL, OBJECT
 * ENCODING and every type's size command, all O(1); those of the other types just fail.
 */
export async function readHeader(ctx: ValueContext, sessionId: string, keyBytes: KeyBytes): Promise<ValueHeader> {
  const key = decodeKey(keyBytes);
  const multi = ctx.client(sessionId).multi().type(key).pttl(key).call('OBJECT', 'ENCODING', key);
  for (const [, command] of SIZE_COMMANDS) multi.call(command, key);
  const [type, ttl, encoding, ...sizes] = await ctx.redis(key, () => execReplies(multi));
  if (type instanceof Error) throw type;
  if (type === 'none') {
    await ctx.keyMaybeGone(sessionId, key);
    throw keyGone(key);
  }
  const at = SIZE_COMMANDS.findIndex(([name]) => name === type);
  return {
    key: keyBytes,
    type: String(type),
    size: at >= 0 ? Number(sizes[at]) : null,
    ttlMs: Number(ttl),
    ...(typeof encoding === 'string' ? { encoding } : {}),
  };
}

/** values.memory: MEMORY USAGE … SAMPLES n, asked for on demand only. */
export async function readMemory(
  ctx: ValueContext,
  sessionId: string,
  keyBytes: KeyBytes,
  samples: number,
): Promise<{ bytes: number }> {
  const key = decodeKey(keyBytes);
  const bytes = await ctx.redis(key, () => ctx.client(sessionId).call('MEMORY', 'USAGE', key, 'SAMPLES', samples));
  if (bytes === null) throw keyGone(key);
  return { bytes: Number(bytes) };
}
