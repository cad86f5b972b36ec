import type { KeyBytes } from '../../../shared/api/keys';
import {
  MAX_VALUE_BYTES,
  PARTIAL_LOAD_BYTES,
  type Expect,
  type LoadedString,
  type TtlChange,
  type ValueBytes,
  type WriteResult,
} from '../../../shared/api/values';
import { ApiFailure } from '../api/apiFailure';
import { decodeKey, showKey } from '../keys/keyBytes';
import { afterWrite, guardedWrite, writeResult, type GuardedOutcome } from './guardedWrite';
import { SCRIPT_VALUE_MAX_BYTES, SET_IF_VERSION } from './luaScripts';
import { hashStringInWindows } from './windowedDigest';
import { execReplies, throwErrors } from './execAll';
import { cutPrefix, decodeValue, encodeValue, versionOf } from './valueCodec';
import type { ValueContext } from './valueContext';
import { keyGone, tooLarge, wrongType } from './valueErrors';
import { ttlArgs, ttlMillis } from './ttlChange';
import { checkType } from './readTyped';

/**
 * Reads a string in one MULTI (a consistent snapshot): TYPE, STRLEN, PTTL and either the whole
 * value or its first PARTIAL_LOAD_BYTES (+1 so a UTF-8 character cut at the end can be dropped).
 */
export async function loadString(
  ctx: ValueContext,
  sessionId: string,
  key: Buffer,
  whole: boolean,
): Promise<LoadedString> {
  const client = ctx.client(sessionId);
  const read = async (all: boolean) => {
    const multi = client.multi().type(key).strlen(key).pttl(key);
    if (all) multi.getBuffer(key);
    else multi.getrangeBuffer(key, 0, PARTIAL_LOAD_BYTES);
    const replies = await ctx.redis(key, () => execReplies(multi));
    await checkType(ctx, sessionId, key, replies[0], 'string');
    const [, size, ttl, bytes] = throwErrors(replies);
    return { size: Number(size), ttlMs: Number(ttl), bytes: bytes as Buffer };
  };
  let found = await read(false);
  if (found.size > PARTIAL_LOAD_BYTES && whole) {
    if (found.size > MAX_VALUE_BYTES) throw tooLarge(found.size);
    found = await read(true);
    // It may have grown between the two reads; the bound holds for what is answered all the same.
    if (found.size > MAX_VALUE_BYTES) throw tooLarge(found.size);
  }
  const { size, ttlMs, bytes } = found;
  if (bytes.length >= size) {
    return { value: encodeValue(bytes), size, partial: false, loadedBytes: size, version: versionOf(bytes), ttlMs };
  }
  const head = cutPrefix(bytes, PARTIAL_LOAD_BYTES);
  return { value: encodeValue(head), size, partial: true, loadedBytes: head.length, version: null, ttlMs };
}

export const getString = (ctx: ValueContext, sessionId: string, key: KeyBytes, whole: boolean): Promise<LoadedString> =>
  loadString(ctx, sessionId, decodeKey(key), whole);

/** CONFLICT with what the server holds now, so the user can compare and choose. */
export async function conflict(ctx: ValueContext, sessionId: string, key: Buffer): Promise<ApiFailure> {
  const current = await loadString(ctx, sessionId, key, false);
  return new ApiFailure(
    'CONFLICT',
    `The value of ${showKey(key)} changed on the server since it was loaded. Compare both versions, then keep yours (overwrite) or take the server's.`,
    { current },
  );
}

/** SET NX / XX / plain, with the TTL change, in one MULTI that also reads the key after (see GuardedOutcome). */
async function setUnguarded(
  ctx: ValueContext,
  sessionId: string,
  key: Buffer,
  value: Buffer,
  expect: Expect,
  ttl: TtlChange,
) {
  const condition = expect === 'absent' ? ['NX'] : expect === 'exists' ? ['XX'] : [];
  const multi = ctx
    .client(sessionId)
    .multi()
    .call('SET', key, value, ...ttlArgs(ttl), ...condition)
    .pttl(key)
    .strlen(key)
    .object('ENCODING', key);
  // When SET refused (NX on an existing hash…), STRLEN fails with WRONGTYPE: only SET's error counts.
  const replies = await ctx.write(key, () => execReplies(multi));
  if (replies[0] instanceof Error) throw replies[0];
  const [reply, ttlAfter, size, encoding] = replies;
  if (reply === null && expect === 'absent') {
    throw new ApiFailure('KEY_EXISTS', `A key named ${showKey(key)} already exists; nothing was written.`);
  }
  if (reply === null) throw keyGone(key);
  return { status: 'OK', after: afterWrite(ttlAfter, size, encoding) };
}

/** Compare-and-set against the loaded version (Lua, or WATCH where scripting is refused). */
async function setIfVersion(
  ctx: ValueContext,
  sessionId: string,
  key: Buffer,
  value: Buffer,
  version: string,
  ttl: TtlChange,
) {
  const mode = ttl === 'keep' || ttl === 'persist' ? ttl : 'px';
  const ms = ttlMillis(ttl);
  const outcome = await ctx.write(key, () =>
    guardedWrite(ctx.client(sessionId), {
      key,
      ...(value.length <= SCRIPT_VALUE_MAX_BYTES ? { script: SET_IF_VERSION } : {}),
      args: [version, value, mode, ms, SCRIPT_VALUE_MAX_BYTES],
      async check(conn) {
        const type = await conn.type(key);
        if (type === 'none') return { status: 'GONE' };
        if (type !== 'string') return { status: 'TYPE', type };
        const current = await hashStringInWindows(conn, key, await conn.strlen(key));
        return { status: current === version ? 'OK' : 'CONFLICT' };
      },
      write: (multi) => multi.call('SET', key, value, ...ttlArgs(ttl)),
      keyType: 'string',
    }),
  );
  if (outcome.status === 'GONE') {
    await ctx.keyMaybeGone(sessionId, key);
    throw keyGone(key);
  }
  if (outcome.status === 'TYPE') throw wrongType(key, outcome.type ?? 'unknown', 'string');
  if (outcome.status === 'CONFLICT') throw await conflict(ctx, sessionId, key);
  return outcome;
}

/** values.string.set: writes exactly `value`'s bytes if the server holds what `expect` says. */
export async function setString(
  ctx: ValueContext,
  sessionId: string,
  input: { key: KeyBytes; value: ValueBytes; expect: Expect; ttl: TtlChange },
): Promise<WriteResult> {
  ctx.writable(sessionId, 'values cannot be changed');
  const key = decodeKey(input.key);
  const value = decodeValue(input.value);
  if (value.length > MAX_VALUE_BYTES) throw tooLarge(value.length);
  const { expect, ttl } = input;
  let outcome: GuardedOutcome;
  if (typeof expect === 'object') {
    outcome = await setIfVersion(ctx, sessionId, key, value, expect.version, ttl);
    ctx.keyChanged(sessionId, key);
  } else {
    outcome = await setUnguarded(ctx, sessionId, key, value, expect, ttl);
    ctx.keyChanged(sessionId, key);
    await ctx.keyCreated(sessionId, key);
  }
  return writeResult(versionOf(value), value.length, outcome);
}
