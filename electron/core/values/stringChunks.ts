import type { KeyBytes } from '../../../shared/api/keys';
import type { StringChunk, StringDigest } from '../../../shared/api/values';
import { decodeKey } from '../keys/keyBytes';
import { evalCached } from './evalCached';
import { SCRIPT_VALUE_MAX_BYTES, STRING_DIGEST } from './luaScripts';
import { readTyped } from './readTyped';
import { ownBytes } from './valueCodec';
import type { ValueContext } from './valueContext';
import { keyGone, scriptingRefused, wrongType } from './valueErrors';
import { hashStringInWindows } from './windowedDigest';

/** values.string.chunk: STRLEN and GETRANGE in one MULTI (after TYPE); the bytes go raw. */
export async function readChunk(
  ctx: ValueContext,
  sessionId: string,
  keyBytes: KeyBytes,
  offset: number,
  length: number,
): Promise<StringChunk> {
  const key = decodeKey(keyBytes);
  const [size, range] = await readTyped(ctx, sessionId, key, 'string', (multi) =>
    multi.strlen(key).getrangeBuffer(key, offset, offset + length - 1),
  );
  const bytes = range as Buffer;
  return { value: ownBytes(bytes), bytes: bytes.length, size: Number(size) };
}

/**
 * The digest hashed here, from bounded GETRANGE windows: for a value too long for the script to
 * hash without stalling Redis, or where scripting is refused. Between the windows the value may
 * change; then the STRLEN after them differs, or the digest matches no bytes the UI loaded, and
 * the UI loads again: a load is only ever accepted for bytes the server held when checked.
 */
async function digestHere(ctx: ValueContext, sessionId: string, key: Buffer): Promise<StringDigest> {
  const [size, ttl] = await readTyped(ctx, sessionId, key, 'string', (multi) => multi.strlen(key).pttl(key));
  const client = ctx.client(sessionId);
  const version = await ctx.redis(key, () => hashStringInWindows(client, key, Number(size)));
  const [sizeAfter] = await readTyped(ctx, sessionId, key, 'string', (multi) => multi.strlen(key));
  return { version, size: Number(sizeAfter), ttlMs: Number(ttl) };
}

/**
 * values.string.digest: up to SCRIPT_VALUE_MAX_BYTES the SHA-1 is computed by Redis (a read-only
 * script), so checking a chunked load sends 40 bytes back instead of the value a second time;
 * longer values are hashed here (digestHere), so Redis never hashes megabytes in one step.
 */
export async function readDigest(ctx: ValueContext, sessionId: string, keyBytes: KeyBytes): Promise<StringDigest> {
  const key = decodeKey(keyBytes);
  let reply: unknown[];
  try {
    reply = (await ctx.redis(key, () =>
      evalCached(ctx.client(sessionId), STRING_DIGEST, [key], [SCRIPT_VALUE_MAX_BYTES]),
    )) as unknown[];
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
  if (status === 'BIG') return digestHere(ctx, sessionId, key);
  return { version: String(sha1), size: Number(size), ttlMs: Number(ttl) };
}
