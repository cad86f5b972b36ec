import type { KeyBytes } from '../../../shared/api/keys';
import type { MgetItem, ValueBytes } from '../../../shared/api/values';
import { ApiFailure } from '../api/apiFailure';
import { decodeKey, encodeKey } from '../keys/keyBytes';
import { execAll, execReplies } from './execAll';
import { decodeValue, preview } from './valueCodec';
import type { ValueContext } from './valueContext';
import { tooLarge } from './valueErrors';
import { MAX_VALUE_BYTES } from '../../../shared/api/values';

/** Keys looked up at once when telling the tree about new keys or finding the existing ones. */
const BATCH = 500;

/** values.mset: MSET, or MSETNX (nothing written if any key exists; KEY_EXISTS names them). */
export async function mset(
  ctx: ValueContext,
  sessionId: string,
  pairs: { key: KeyBytes; value: ValueBytes }[],
  onlyIfNoneExist: boolean,
): Promise<{ count: number }> {
  ctx.writable(sessionId, 'keys cannot be written');
  const client = ctx.client(sessionId);
  const keys = pairs.map((pair) => decodeKey(pair.key));
  const args: Buffer[] = [];
  let total = 0;
  pairs.forEach((pair, i) => {
    const value = decodeValue(pair.value);
    total += value.length;
    args.push(keys[i]!, value);
  });
  if (total > MAX_VALUE_BYTES) throw tooLarge(total);
  const first = keys[0]!;
  if (onlyIfNoneExist) {
    if (Number(await ctx.write(first, () => client.msetnx(...args))) === 0) {
      const existing = await existingKeys(ctx, sessionId, keys);
      throw new ApiFailure(
        'KEY_EXISTS',
        `Nothing was written: ${existing.length.toLocaleString('en')} of the ${keys.length.toLocaleString('en')} keys already exist (MSETNX writes all keys or none).`,
        { existing },
      );
    }
  } else await ctx.write(first, () => client.mset(...args));
  for (let i = 0; i < keys.length; i += BATCH) {
    const batch = keys.slice(i, i + BATCH);
    for (const key of batch) ctx.keyChanged(sessionId, key);
    await Promise.all(batch.map((key) => ctx.keyCreated(sessionId, key)));
  }
  return { count: keys.length };
}

/** Which of `keys` exist now (to explain an MSETNX refusal). */
async function existingKeys(ctx: ValueContext, sessionId: string, keys: Buffer[]): Promise<KeyBytes[]> {
  const existing: KeyBytes[] = [];
  for (let i = 0; i < keys.length; i += BATCH) {
    const batch = keys.slice(i, i + BATCH);
    const pipeline = ctx.client(sessionId).pipeline();
    for (const key of batch) pipeline.exists(key);
    const replies = await execAll(pipeline);
    batch.forEach((key, at) => {
      if (Number(replies[at]) === 1) existing.push(encodeKey(key));
    });
  }
  return existing;
}

/**
 * All previews of one values.mget share this many bytes, whatever `previewBytes` asks: 100 keys
 * of 1 MB would otherwise make a 100 MB reply (600 MB of JSON for control bytes).
 */
export const MGET_PREVIEW_BUDGET = 8 * 1024 * 1024;

/**
 * values.mget: TYPE, STRLEN and the first bytes (GETRANGE) of every key in one MULTI, so a huge
 * value is never fetched whole and the sizes match the bytes read (no MGET: a value could grow
 * between sizing it and reading it).
 */
export async function mget(
  ctx: ValueContext,
  sessionId: string,
  keyList: KeyBytes[],
  previewBytes: number,
): Promise<MgetItem[]> {
  const client = ctx.client(sessionId);
  const keys = keyList.map(decodeKey);
  const cut = Math.min(previewBytes, Math.floor(MGET_PREVIEW_BUDGET / keys.length));
  const reading = client.multi();
  // GETRANGE of one byte more than shown, so preview() can avoid cutting a UTF-8 character.
  for (const key of keys) reading.type(key).strlen(key).getrangeBuffer(key, 0, cut);
  const replies = await ctx.redis(keys[0]!, () => execReplies(reading));
  return keyList.map((key, i): MgetItem => {
    const [type, size, bytes] = replies.slice(3 * i, 3 * i + 3);
    if (type instanceof Error) throw type;
    if (type !== 'string') return { key, type: String(type), value: null };
    return { key, type: 'string', value: preview(bytes as Buffer, cut, Number(size)) };
  });
}
