import type { KeyBytes } from '../../../shared/api/keys';
import type { StringChunk, StringDigest } from '../../../shared/api/values';
import { decodeKey } from '../keys/keyBytes';
import { evalCached } from './evalCached';
import { STRING_DIGEST } from './luaScripts';
import { readTyped } from './readTyped';
import { cutPrefix, encodeValue, versionOf } from './valueCodec';
import type { ValueContext } from './valueContext';
import { keyGone, scriptingRefused, wrongType } from './valueErrors';

/**
 * values.string.chunk: STRLEN and GETRANGE in one MULTI (after TYPE). One byte more than asked
 * is read so that a UTF-8 character cut at the end can be left to the next chunk.
 */
export async function readChunk(
  ctx: ValueContext,
  sessionId: string,
  keyBytes: KeyBytes,
  offset: number,
  length: number,
): Promise<StringChunk> {
  const key = decodeKey(keyBytes);
  const [size, range] = await readTyped(ctx, sessionId, key, 'string', (multi) =>
    multi.strlen(key).getrangeBuffer(key, offset, offset + length),
  );
  const bytes = cutPrefix(range as Buffer, length);
  return { value: encodeValue(bytes), bytes: bytes.length, size: Number(size) };
}

/** The digest where scripting is refused: the value comes to core and is hashed here. */
async function digestHere(ctx: ValueContext, sessionId: string, key: Buffer): Promise<StringDigest> {
  const [size, ttl, value] = await readTyped(ctx, sessionId, key, 'string', (multi) =>
    multi.strlen(key).pttl(key).getBuffer(key),
  );
  return { version: versionOf(value as Buffer), size: Number(size), ttlMs: Number(ttl) };
}

/**
 * values.string.digest: the SHA-1 is computed by Redis (a read-only script), so checking a
 * chunked load sends 40 bytes back instead of the whole value a second time.
 */
export async function readDigest(ctx: ValueContext, sessionId: string, keyBytes: KeyBytes): Promise<StringDigest> {
  const key = decodeKey(keyBytes);
  let reply: unknown[];
  try {
    reply = (await ctx.redis(key, () => evalCached(ctx.client(sessionId), STRING_DIGEST, [key], []))) as unknown[];
  } catch (e) {
    if (!scriptingRefused(e)) throw e;
    return digestHere(ctx, sessionId, key);
  }
  const [status, sha1, size, ttl] = reply;
  if (status === 'GONE') {
    await ctx.keyMaybeGone(sessionId, key);
    throw keyGone(key);
  }
  if (status === 'TYPE') throw wrongType(key, String(sha1), 'string');
  return { version: String(sha1), size: Number(size), ttlMs: Number(ttl) };
}
