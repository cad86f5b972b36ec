import type Redis from 'ioredis';
import type { ChainableCommander } from 'ioredis';
import type { KeyBytes } from '../../../shared/api/keys';
import {
  MAX_VALUE_BYTES,
  type ChunkBytes,
  type Expect,
  type TtlChange,
  type WriteResult,
} from '../../../shared/api/values';
import { ApiFailure } from '../api/apiFailure';
import { decodeKey, showKey } from '../keys/keyBytes';
import { guardedWrite, writeResult } from './guardedWrite';
import { COMMIT_UPLOAD, SCRIPT_VALUE_MAX_BYTES, UPLOAD_APPEND } from './luaScripts';
import { hashStringInWindows } from './windowedDigest';
import { conflict } from './stringValues';
import { ttlMillis } from './ttlChange';
import { decodeChunk } from './valueCodec';
import type { ValueContext } from './valueContext';
import { keyGone, tooLarge, wrongType } from './valueErrors';

/*
 * A big save in chunks: each chunk is appended to a staging key (checked to land exactly at its
 * offset), and the commit swaps the staged value onto the key with RENAME in one atomic,
 * compare-and-set step. Until then the key is untouched; the staging key expires on its own if
 * the save is abandoned.
 */

/** How long staged bytes are kept after the last chunk arrived. */
const STAGING_TTL_MS = 10 * 60 * 1000;

export const stagingKey = (uploadId: string): Buffer => Buffer.from(`redlens:upload:${uploadId}`);

/** Part of the staged bytes is missing (a failover lost them, or the database was switched). */
export const uploadBroken = (key: Buffer): ApiFailure =>
  new ApiFailure(
    'CONNECTION_LOST',
    `The server lost part of the new value of ${showKey(key)} while it was being sent (a failover, or another database selected): nothing was written. Save again.`,
    { applied: false },
  );

/** values.string.upload: appends one chunk at `offset` of the staged value. */
export async function uploadChunk(
  ctx: ValueContext,
  sessionId: string,
  input: { key: KeyBytes; uploadId: string; offset: number; value: ChunkBytes },
): Promise<{ staged: number }> {
  ctx.writable(sessionId, 'values cannot be changed');
  const key = decodeKey(input.key);
  const staging = stagingKey(input.uploadId);
  const bytes = decodeChunk(input.value);
  const { offset } = input;
  if (offset + bytes.length > MAX_VALUE_BYTES) throw tooLarge(offset + bytes.length);
  const outcome = await ctx.write(key, () =>
    guardedWrite(ctx.client(sessionId), {
      key: staging,
      script: UPLOAD_APPEND,
      args: [offset, bytes, STAGING_TTL_MS],
      check: async (conn) => ({ status: (await conn.strlen(staging)) === offset ? 'OK' : 'OFFSET' }),
      write: (multi) => multi.append(staging, bytes).pexpire(staging, STAGING_TTL_MS),
      keyType: 'string',
    }),
  );
  if (outcome.status !== 'OK') throw uploadBroken(key);
  return { staged: offset + bytes.length };
}

/** The WATCH fallback of COMMIT_UPLOAD: the same checks, then RENAME and the TTL in MULTI. */
function watchedCommit(key: Buffer, staging: Buffer, size: number, expect: Expect, ttl: TtlChange) {
  let ttlBefore = -2;
  return {
    async check(conn: Redis) {
      if ((await conn.strlen(staging)) !== size) return { status: 'STAGED' };
      const type = await conn.type(key);
      if (expect === 'absent') return { status: type === 'none' ? 'OK' : 'EXISTS' };
      if (expect !== 'any' && type === 'none') return { status: 'GONE' };
      if (typeof expect === 'object') {
        if (type !== 'string') return { status: 'TYPE', type };
        const current = await hashStringInWindows(conn, key, await conn.strlen(key));
        if (current !== expect.version) return { status: 'CONFLICT' };
      }
      ttlBefore = await conn.pttl(key);
      return { status: 'OK' };
    },
    write(multi: ChainableCommander) {
      multi.rename(staging, key);
      if (typeof ttl === 'object') multi.pexpire(key, ttlMillis(ttl));
      else if (ttl === 'keep' && ttlBefore > 0) multi.pexpire(key, ttlBefore);
      else multi.persist(key);
    },
  };
}

/** values.string.commitUpload: the staged value replaces the key's, if `expect` holds. */
export async function commitUpload(
  ctx: ValueContext,
  sessionId: string,
  input: { key: KeyBytes; uploadId: string; size: number; version: string; expect: Expect; ttl: TtlChange },
): Promise<WriteResult> {
  ctx.writable(sessionId, 'values cannot be changed');
  const key = decodeKey(input.key);
  const staging = stagingKey(input.uploadId);
  const { size, expect, ttl } = input;
  const mode = typeof expect === 'object' ? 'version' : expect;
  const ttlMode = ttl === 'keep' || ttl === 'persist' ? ttl : 'px';
  const outcome = await ctx.write(key, () =>
    guardedWrite(ctx.client(sessionId), {
      key,
      otherKeys: [staging],
      script: COMMIT_UPLOAD,
      args: [
        mode,
        typeof expect === 'object' ? expect.version : '',
        size,
        ttlMode,
        ttlMillis(ttl),
        SCRIPT_VALUE_MAX_BYTES,
      ],
      ...watchedCommit(key, staging, size, expect, ttl),
      keyType: 'string',
    }),
  );
  switch (outcome.status) {
    case 'STAGED':
      throw uploadBroken(key);
    case 'GONE':
      await ctx.keyMaybeGone(sessionId, key);
      throw keyGone(key);
    case 'TYPE':
      throw wrongType(key, outcome.type ?? 'unknown', 'string');
    case 'CONFLICT':
      throw await conflict(ctx, sessionId, key);
    case 'EXISTS':
      throw new ApiFailure('KEY_EXISTS', `A key named ${showKey(key)} already exists; nothing was written.`);
  }
  ctx.keyChanged(sessionId, key);
  if (typeof expect !== 'object') await ctx.keyCreated(sessionId, key);
  return writeResult(input.version, size, outcome);
}

/** values.string.abortUpload: drops the staged bytes of a save that will not be committed. */
export async function abortUpload(
  ctx: ValueContext,
  sessionId: string,
  input: { key: KeyBytes; uploadId: string },
): Promise<{ removed: boolean }> {
  ctx.writable(sessionId, 'values cannot be changed');
  const key = decodeKey(input.key);
  const removed = await ctx.write(key, () => ctx.client(sessionId).del(stagingKey(input.uploadId)));
  return { removed: removed === 1 };
}
