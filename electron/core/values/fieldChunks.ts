import type { KeyBytes } from '../../../shared/api/keys';
import type { Expect, FieldChunk, WriteResult } from '../../../shared/api/values';
import { decodeKey } from '../keys/keyBytes';
import { readWholeField } from './fieldReads';
import type { FieldSnapshots } from './fieldSnapshots';
import { guardedWrite, writeResult } from './guardedWrite';
import { checkField, refuse } from './hashWrites';
import { stagingKey, uploadBroken } from './stringUpload';
import { ownBytes, versionOf } from './valueCodec';
import type { ValueContext } from './valueContext';

/**
 * values.hash.fieldChunk: bytes of a field from `offset`, cut from one read of it per load (the
 * first chunk reads it; see fieldSnapshots); the bytes go raw.
 */
export async function readFieldChunk(
  ctx: ValueContext,
  snapshots: FieldSnapshots,
  sessionId: string,
  input: { key: KeyBytes; field: KeyBytes; offset: number; length: number },
): Promise<FieldChunk> {
  const key = decodeKey(input.key);
  const field = decodeKey(input.field);
  const { offset, length } = input;
  const { bytes, version } = await snapshots.read({ sessionId, db: ctx.db, key, field }, offset === 0, () =>
    readWholeField(ctx, sessionId, key, field),
  );
  const chunk = bytes.subarray(offset, offset + length);
  return { value: ownBytes(chunk), bytes: chunk.length, size: bytes.length, version };
}

/**
 * values.hash.commitFieldUpload: the staged bytes become the field's value if `expect` holds.
 * Always under WATCH, never as a script: a script would copy the staged value into Lua (seconds
 * of Redis time for a big one); through core it is one plain GET and one HSET.
 */
export async function commitFieldUpload(
  ctx: ValueContext,
  sessionId: string,
  input: { key: KeyBytes; field: KeyBytes; uploadId: string; size: number; version: string; expect: Expect },
): Promise<WriteResult> {
  ctx.writable(sessionId, 'fields cannot be changed');
  const key = decodeKey(input.key);
  const field = decodeKey(input.field);
  const staging = stagingKey(input.uploadId);
  let staged: Buffer | null = null;
  const outcome = await ctx.write(key, () =>
    guardedWrite(ctx.client(sessionId), {
      key,
      otherKeys: [staging],
      args: [],
      async check(conn) {
        if ((await conn.strlen(staging)) !== input.size) return { status: 'STAGED' };
        const found = await checkField(conn, key, field, input.expect);
        if (found.status !== 'OK') return found;
        staged = await conn.getBuffer(staging);
        // What was staged is what the UI sent (its SHA-1), or the save is not what was meant.
        return { status: staged && versionOf(staged) === input.version ? 'OK' : 'STAGED' };
      },
      write: (multi) => multi.hset(key, field, staged!).del(staging),
      keyType: 'hash',
    }),
  );
  if (outcome.status === 'STAGED') throw uploadBroken(key);
  if (outcome.status !== 'OK') throw await refuse(ctx, sessionId, key, field, outcome);
  ctx.keyChanged(sessionId, key);
  return writeResult(input.version, input.size, outcome);
}
