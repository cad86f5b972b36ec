import type Redis from 'ioredis';
import type { KeyBytes } from '../../../shared/api/keys';
import {
  MAX_VALUE_BYTES,
  type Expect,
  type TtlChange,
  type ValueBytes,
  type WriteResult,
} from '../../../shared/api/values';
import { ApiFailure } from '../api/apiFailure';
import { decodeKey, encodeKey, showKey } from '../keys/keyBytes';
import { guardedWrite, writeResult, type GuardedOutcome } from './guardedWrite';
import { fieldGone, loadField } from './fieldReads';
import { HASH_CREATE, HRENAME_FIELD, HSET_GUARDED, SCRIPT_VALUE_MAX_BYTES } from './luaScripts';
import { readTyped } from './readTyped';
import { decodeValue, versionOf } from './valueCodec';
import type { ValueContext } from './valueContext';
import { keyGone, tooLarge, wrongType } from './valueErrors';
import { ttlMillis } from './ttlChange';

const fieldExists = (key: Buffer, field: Buffer): ApiFailure =>
  new ApiFailure(
    'FIELD_EXISTS',
    `The hash ${showKey(key)} already has a field ${showKey(field)}; nothing was written.`,
  );

/** Turns a refusal of a guarded hash write into the error the user sees. */
export async function refuse(
  ctx: ValueContext,
  sessionId: string,
  key: Buffer,
  field: Buffer,
  outcome: GuardedOutcome,
  target = field,
) {
  switch (outcome.status) {
    case 'GONE':
      await ctx.keyMaybeGone(sessionId, key);
      return keyGone(key);
    case 'TYPE':
      return wrongType(key, outcome.type ?? 'unknown', 'hash');
    case 'EXISTS':
      return fieldExists(key, target);
    case 'FIELDGONE':
      return fieldGone(key, field);
    default:
      return new ApiFailure(
        'CONFLICT',
        `The field ${showKey(field)} of ${showKey(key)} changed on the server since it was loaded. Compare both versions, then keep yours (overwrite) or take the server's.`,
        { current: await loadField(ctx, sessionId, key, field, false) },
      );
  }
}

/**
 * What the WATCH path reads: the hash's type, then the field as the mode needs it. Only a
 * version check reads the value: whole, as Redis has no range read for fields (one copy in
 * Redis, hashed here, never there), and only up to MAX_VALUE_BYTES (a longer field cannot be
 * the version loaded).
 */
export async function checkField(conn: Redis, key: Buffer, field: Buffer, expect: Expect): Promise<GuardedOutcome> {
  const type = await conn.type(key);
  if (type === 'none') return { status: 'GONE' };
  if (type !== 'hash') return { status: 'TYPE', type };
  if (expect === 'any') return { status: 'OK' };
  const exists = (await conn.hexists(key, field)) === 1;
  if (expect === 'absent') return { status: exists ? 'EXISTS' : 'OK' };
  if (!exists) return { status: 'FIELDGONE' };
  if (expect === 'exists') return { status: 'OK' };
  if ((await conn.hstrlen(key, field)) > MAX_VALUE_BYTES) return { status: 'CONFLICT' };
  const current = await conn.hgetBuffer(key, field);
  if (current === null) return { status: 'FIELDGONE' };
  return { status: versionOf(current) === expect.version ? 'OK' : 'CONFLICT' };
}

/** values.hash.setField: HSET / HSETNX checked against `expect`; never recreates a deleted hash. */
export async function setField(
  ctx: ValueContext,
  sessionId: string,
  input: { key: KeyBytes; field: KeyBytes; value: ValueBytes; expect: Expect },
): Promise<WriteResult> {
  ctx.writable(sessionId, 'fields cannot be changed');
  const key = decodeKey(input.key);
  const field = decodeKey(input.field);
  const value = decodeValue(input.value);
  if (value.length > MAX_VALUE_BYTES) throw tooLarge(value.length);
  const { expect } = input;
  const mode = typeof expect === 'object' ? 'version' : expect;
  const outcome = await ctx.write(key, () =>
    guardedWrite(ctx.client(sessionId), {
      key,
      ...(value.length <= SCRIPT_VALUE_MAX_BYTES ? { script: HSET_GUARDED } : {}),
      args: [mode, typeof expect === 'object' ? expect.version : '', field, value, SCRIPT_VALUE_MAX_BYTES],
      check: (conn) => checkField(conn, key, field, expect),
      write: (multi) => multi.hset(key, field, value),
      keyType: 'hash',
    }),
  );
  if (outcome.status !== 'OK') throw await refuse(ctx, sessionId, key, field, outcome);
  return writeResult(versionOf(value), value.length, outcome);
}

/** values.hash.renameField: HSET new + HDEL old atomically, refusing if `newField` exists. */
export async function renameField(
  ctx: ValueContext,
  sessionId: string,
  input: { key: KeyBytes; field: KeyBytes; newField: KeyBytes },
): Promise<{ field: KeyBytes }> {
  ctx.writable(sessionId, 'fields cannot be renamed');
  const key = decodeKey(input.key);
  const field = decodeKey(input.field);
  const newField = decodeKey(input.newField);
  if (field.equals(newField))
    throw new ApiFailure('VALIDATION_FAILED', 'The new field name is the same as the old one.');
  let value: Buffer | null = null;
  const outcome = await ctx.write(key, () =>
    guardedWrite(ctx.client(sessionId), {
      key,
      script: HRENAME_FIELD,
      args: [field, newField, SCRIPT_VALUE_MAX_BYTES],
      async check(conn) {
        const type = await conn.type(key);
        if (type === 'none') return { status: 'GONE' };
        if (type !== 'hash') return { status: 'TYPE', type };
        if ((await conn.hexists(key, newField)) === 1) return { status: 'EXISTS' };
        // Moving a field is a copy (there is no HRENAME), bounded like any value core handles.
        const size = await conn.hstrlen(key, field);
        if (size > MAX_VALUE_BYTES) throw tooLarge(size);
        value = await conn.hgetBuffer(key, field);
        return { status: value === null ? 'FIELDGONE' : 'OK' };
      },
      write: (multi) => multi.hset(key, newField, value!).hdel(key, field),
      keyType: 'hash',
    }),
  );
  if (outcome.status !== 'OK') throw await refuse(ctx, sessionId, key, field, outcome, newField);
  return { field: encodeKey(newField) };
}

/** values.hash.deleteFields: HDEL; Redis deletes a hash left empty, and the tree follows. */
export async function deleteFields(
  ctx: ValueContext,
  sessionId: string,
  input: { key: KeyBytes; fields: KeyBytes[] },
): Promise<{ deleted: number; keyDeleted: boolean }> {
  ctx.writable(sessionId, 'fields cannot be deleted');
  const key = decodeKey(input.key);
  const [deleted, exists] = await readTyped(
    ctx,
    sessionId,
    key,
    'hash',
    (multi) => multi.hdel(key, ...input.fields.map(decodeKey)).exists(key),
    'write',
  );
  const keyDeleted = Number(exists) === 0;
  ctx.keyChanged(sessionId, key);
  if (keyDeleted) await ctx.keyMaybeGone(sessionId, key);
  return { deleted: Number(deleted), keyDeleted };
}

/** values.hash.create: a new hash with its fields and TTL, atomically; KEY_EXISTS if taken. */
export async function createHash(
  ctx: ValueContext,
  sessionId: string,
  input: { key: KeyBytes; entries: { field: KeyBytes; value: ValueBytes }[]; ttl: TtlChange },
): Promise<{ length: number; ttlMs: number }> {
  ctx.writable(sessionId, 'keys cannot be created');
  const key = decodeKey(input.key);
  const pairs: Buffer[] = [];
  const fields = new Set<string>();
  let total = 0;
  for (const entry of input.entries) {
    const [field, value] = [decodeKey(entry.field), decodeValue(entry.value)];
    total += field.length + value.length;
    fields.add(field.toString('latin1'));
    pairs.push(field, value);
  }
  if (total > MAX_VALUE_BYTES) throw tooLarge(total);
  const { ttl } = input;
  const ms = ttlMillis(ttl);
  const outcome = await ctx.write(key, () =>
    guardedWrite(ctx.client(sessionId), {
      key,
      ...(total <= SCRIPT_VALUE_MAX_BYTES ? { script: HASH_CREATE } : {}),
      args: [ms > 0 ? 'px' : 'none', ms, ...pairs],
      check: async (conn) => ({ status: (await conn.exists(key)) === 1 ? 'EXISTS' : 'OK' }),
      write(multi) {
        multi.hset(key, ...pairs);
        if (ms > 0) multi.pexpire(key, ms);
      },
      keyType: 'hash',
    }),
  );
  if (outcome.status === 'EXISTS') {
    throw new ApiFailure('KEY_EXISTS', `A key named ${showKey(key)} already exists; nothing was written.`);
  }
  ctx.keyChanged(sessionId, key);
  await ctx.keyCreated(sessionId, key);
  return { length: fields.size, ttlMs: outcome.after?.ttlMs ?? -1 };
}
