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
 * values.mget: TYPE and STRLEN of every key, then one MGET for the strings that fit the
 * preview and GETRANGE for the bigger ones, so a huge value is never fetched whole.
 */
export async function mget(
  ctx: ValueContext,
  sessionId: string,
  keyList: KeyBytes[],
  previewBytes: number,
): Promise<MgetItem[]> {
  const client = ctx.client(sessionId);
  const sizing = client.pipeline();
  const keys = keyList.map(decodeKey);
  for (const key of keys) sizing.type(key).strlen(key);
  const sized = await execReplies(sizing);
  const found = keys.map((key, i) => ({ key, type: String(sized[2 * i]), size: Number(sized[2 * i + 1]) || 0 }));
  const strings = found.filter((item) => item.type === 'string');
  const small = strings.filter((item) => item.size <= previewBytes);
  const big = strings.filter((item) => item.size > previewBytes);

  const reading = client.pipeline();
  if (small.length > 0) reading.mgetBuffer(...small.map((item) => item.key));
  for (const item of big) reading.getrangeBuffer(item.key, 0, previewBytes);
  const replies = await execAll(reading);
  const smallValues = (small.length > 0 ? replies.shift() : []) as (Buffer | null)[];
  const read = new Map<(typeof found)[number], Buffer | null>();
  small.forEach((item, i) => read.set(item, smallValues[i] ?? null));
  big.forEach((item, i) => read.set(item, replies[i] as Buffer | null));

  return found.map((item, i): MgetItem => {
    const bytes = read.get(item);
    // A string deleted between the two reads shows as missing, not as an empty string.
    if (bytes === undefined || bytes === null) {
      return { key: keyList[i]!, type: item.type === 'string' ? 'none' : item.type, value: null };
    }
    const size = item.size > previewBytes ? Math.max(item.size, bytes.length) : bytes.length;
    return { key: keyList[i]!, type: 'string', value: preview(bytes, previewBytes, size) };
  });
}
