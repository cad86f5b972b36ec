import { MAX_VALUE_BYTES, PARTIAL_LOAD_BYTES, type LoadedField } from '../../../shared/api/values';
import { ApiFailure } from '../api/apiFailure';
import { encodeKey, showKey } from '../keys/keyBytes';
import { evalCachedBuffers } from './evalCached';
import { readTyped } from './readTyped';
import { FIELD_WINDOW } from './readScripts';
import { cutPrefix, encodeValue, versionOf } from './valueCodec';
import type { ValueContext } from './valueContext';
import { keyGone, scriptingRefused, tooLarge, wrongType } from './valueErrors';

export const fieldGone = (key: Buffer, field: Buffer): ApiFailure =>
  new ApiFailure('NOT_FOUND', `The field ${showKey(field)} of ${showKey(key)} no longer exists (deleted meanwhile).`);

/** A field's whole value: HSTRLEN first, so one longer than MAX_VALUE_BYTES is never fetched. */
export async function readWholeField(
  ctx: ValueContext,
  sessionId: string,
  key: Buffer,
  field: Buffer,
): Promise<Buffer> {
  const [exists, size] = await readTyped(ctx, sessionId, key, 'hash', (multi) =>
    multi.hexists(key, field).hstrlen(key, field),
  );
  if (Number(exists) !== 1) throw fieldGone(key, field);
  if (Number(size) > MAX_VALUE_BYTES) throw tooLarge(Number(size));
  const [value] = await readTyped(ctx, sessionId, key, 'hash', (multi) => multi.hgetBuffer(key, field));
  if (value === null) throw fieldGone(key, field);
  // It may have grown since HSTRLEN; the bound holds for what is answered all the same.
  if ((value as Buffer).length > MAX_VALUE_BYTES) throw tooLarge((value as Buffer).length);
  return value as Buffer;
}

/**
 * A field's first `length` bytes and its size, cut by Redis (FIELD_WINDOW). Where scripting is
 * refused there is no other way than reading the field whole (at most MAX_VALUE_BYTES) and
 * cutting it here: the UI still gets the window only.
 */
async function readFieldWindow(ctx: ValueContext, sessionId: string, key: Buffer, field: Buffer, length: number) {
  let reply: unknown[];
  try {
    const client = ctx.client(sessionId);
    reply = (await ctx.redis(key, () =>
      evalCachedBuffers(client, FIELD_WINDOW, [key], [field, length, MAX_VALUE_BYTES]),
    )) as unknown[];
  } catch (e) {
    if (!scriptingRefused(e)) throw e;
    const bytes = await readWholeField(ctx, sessionId, key, field);
    return { size: bytes.length, bytes: bytes.subarray(0, length) };
  }
  const [status, size, bytes] = reply;
  switch (String(status)) {
    case 'GONE':
      await ctx.keyMaybeGone(sessionId, key);
      throw keyGone(key);
    case 'TYPE':
      throw wrongType(key, String(size), 'hash');
    case 'FIELDGONE':
      throw fieldGone(key, field);
    case 'BIG':
      throw tooLarge(Number(size));
  }
  return { size: Number(size), bytes: bytes as Buffer };
}

const loaded = (field: Buffer, bytes: Buffer): LoadedField => ({
  field: encodeKey(field),
  value: encodeValue(bytes),
  size: bytes.length,
  partial: false,
  loadedBytes: bytes.length,
  version: versionOf(bytes),
});

/**
 * values.hash.getField: up to PARTIAL_LOAD_BYTES whole, else the first PARTIAL_LOAD_BYTES
 * (partial, no version: it cannot be saved back) unless `whole`. Fields longer than
 * MAX_VALUE_BYTES are refused (VALUE_TOO_LARGE) before anything is read.
 */
export async function loadField(
  ctx: ValueContext,
  sessionId: string,
  key: Buffer,
  field: Buffer,
  whole: boolean,
): Promise<LoadedField> {
  if (whole) return loaded(field, await readWholeField(ctx, sessionId, key, field));
  // One byte more, so that a UTF-8 character cut at the end can be dropped.
  const { size, bytes } = await readFieldWindow(ctx, sessionId, key, field, PARTIAL_LOAD_BYTES + 1);
  if (bytes.length >= size) return loaded(field, bytes);
  const head = cutPrefix(bytes, PARTIAL_LOAD_BYTES);
  return {
    field: encodeKey(field),
    value: encodeValue(head),
    size,
    partial: true,
    loadedBytes: head.length,
    version: null,
  };
}
