import type Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PARTIAL_LOAD_BYTES } from '../../../shared/api/values';
import { expectFailure } from '../sessions/testSupport/sessionTestbed';
import { versionOf } from './valueCodec';
import { b64, keysOf, newUploadId, useValueServer } from './testSupport/valueTestServer';

// Big hash fields like big strings: a partial first window, loaded whole in chunks, saved in
// chunks with compare-and-set; with scripting and where it is refused.
let admin: Redis;
let sessionId: string;
let noLua: string;
const bed = useValueServer({ noLua: true, readOnly: true }, (server) => ({ admin, sessionId, noLua } = server));
const { call } = bed;

const SIZE = 6 * 1024 * 1024 + 3;
const CHUNK = 1024 * 1024;

/** Loads a field chunk by chunk as the UI does; `between` runs after each chunk. */
async function loadInChunks(session: string, key: string, field: string, between?: (n: number) => Promise<void>) {
  const parts: Buffer[] = [];
  const versions = new Set<string>();
  for (let offset = 0, n = 0; ; n++) {
    const chunk = await call('values.hash.fieldChunk', { sessionId: session, key, field, offset, length: CHUNK });
    if (chunk.bytes === 0) break;
    versions.add(chunk.version);
    parts.push(Buffer.from(chunk.value));
    offset += chunk.bytes;
    await between?.(n);
  }
  return { bytes: Buffer.concat(parts), versions };
}

/** Stages `bytes` and commits them onto the field, as the UI saves a big field. */
async function saveInChunks(session: string, key: string, field: string, bytes: Buffer, expect: unknown) {
  const uploadId = newUploadId();
  for (let offset = 0; offset < bytes.length; offset += CHUNK) {
    const value = b64(bytes.subarray(offset, offset + CHUNK));
    await call('values.string.upload', { sessionId: session, key, uploadId, offset, value });
  }
  return call('values.hash.commitFieldUpload', {
    sessionId: session,
    key,
    field,
    uploadId,
    size: bytes.length,
    version: versionOf(bytes),
    expect: expect as { version: string },
  });
}

describe.each([
  ['scripting', () => sessionId],
  ['no scripting', () => noLua],
])('a 6 MB field, %s', (_, session) => {
  const key = keysOf(session);

  it('opens partial, loads whole in chunks, saves in chunks against its version', async () => {
    const k = key('h');
    const text = Buffer.from('ünïcödé ✓ '.repeat(SIZE / 10), 'utf8').subarray(0, SIZE);
    await admin.hset(k, 'f', text, 'other', 'x');
    const opened = await call('values.hash.getField', { sessionId: session(), key: k, field: 'f' });
    expect(opened).toMatchObject({ size: SIZE, partial: true, version: null });
    expect(opened.loadedBytes).toBeLessThanOrEqual(PARTIAL_LOAD_BYTES);
    expect(opened.loadedBytes).toBeGreaterThan(PARTIAL_LOAD_BYTES - 4);
    // Cut on a character boundary: the window is text.
    expect(typeof opened.value).toBe('string');

    const loaded = await loadInChunks(session(), k, 'f');
    expect(loaded.bytes.equals(text)).toBe(true);
    expect([...loaded.versions]).toEqual([versionOf(text)]);

    const mine = randomBytes(SIZE + 10);
    const stagedBefore = await admin.keys('redlens:upload:*');
    const saved = await saveInChunks(session(), k, 'f', mine, { version: versionOf(text) });
    expect(saved).toMatchObject({ version: versionOf(mine), size: mine.length, ttlMs: -1 });
    expect((await admin.hgetBuffer(k, 'f'))!.equals(mine)).toBe(true);
    expect(await admin.hget(k, 'other')).toBe('x');
    // The staged bytes moved into the field: no staging key left.
    expect(await admin.keys('redlens:upload:*')).toEqual(stagedBefore);
  });

  it('a change in the middle since the load is a CONFLICT; nothing is written', async () => {
    const k = key('c');
    const original = randomBytes(SIZE);
    await admin.hset(k, 'f', original);
    const { versions } = await loadInChunks(session(), k, 'f');
    const theirs = Buffer.from(original);
    theirs.write('theirs', SIZE >> 1);
    await admin.hset(k, 'f', theirs);
    const failure = await expectFailure(
      saveInChunks(session(), k, 'f', randomBytes(SIZE), { version: [...versions][0]! }),
      'CONFLICT',
    );
    // The conflict shows the server's field as a partial window, never the whole of it.
    expect(failure.details).toMatchObject({ current: { size: SIZE, partial: true } });
    expect((await admin.hgetBuffer(k, 'f'))!.equals(theirs)).toBe(true);
    await expectFailure(saveInChunks(session(), k, 'f', randomBytes(SIZE), 'absent'), 'FIELD_EXISTS');
    await expectFailure(saveInChunks(session(), k, 'gone', randomBytes(SIZE), 'exists'), 'NOT_FOUND');
  });

  it('chunks of one load come from one read: a change meanwhile never mixes into it', async () => {
    const k = key('m');
    const original = randomBytes(SIZE);
    await admin.hset(k, 'f', original);
    const during = await loadInChunks(session(), k, 'f', async (n) => {
      if (n === 0) await admin.hset(k, 'f', randomBytes(SIZE));
    });
    expect(during.bytes.equals(original)).toBe(true);
    expect([...during.versions]).toEqual([versionOf(original)]);
    // The next load reads the field again.
    const after = await loadInChunks(session(), k, 'f');
    expect(after.bytes.equals((await admin.hgetBuffer(k, 'f'))!)).toBe(true);
  });
});

describe('refusals', () => {
  it('bytes staged that are not what the UI says it sent are not committed', async () => {
    await admin.hset('r', 'f', 'v');
    const uploadId = newUploadId();
    await call('values.string.upload', { sessionId, key: 'r', uploadId, offset: 0, value: 'abc' });
    const commit = { sessionId, key: 'r', field: 'f', uploadId, expect: 'any' as const };
    const wrong = { ...commit, size: 3, version: versionOf(Buffer.from('abd')) };
    await expectFailure(call('values.hash.commitFieldUpload', wrong), 'CONNECTION_LOST');
    const short = { ...commit, size: 4, version: versionOf(Buffer.from('abcd')) };
    await expectFailure(call('values.hash.commitFieldUpload', short), 'CONNECTION_LOST');
    expect(await admin.hget('r', 'f')).toBe('v');
  });

  it('a read-only session cannot commit; a missing field or key cannot be chunked', async () => {
    const ro = (await bed.sessions.open('ro')).id;
    const input = { sessionId: ro, key: 'r', field: 'f', uploadId: 'a'.repeat(32), size: 1, version: 'a'.repeat(40) };
    await expectFailure(call('values.hash.commitFieldUpload', { ...input, expect: 'any' }), 'READ_ONLY');
    const chunk = { sessionId, offset: 0, length: 10 };
    await expectFailure(call('values.hash.fieldChunk', { ...chunk, key: 'r', field: 'nope' }), 'NOT_FOUND');
    await expectFailure(call('values.hash.fieldChunk', { ...chunk, key: 'nope', field: 'f' }), 'NOT_FOUND');
    await expectFailure(call('values.hash.getField', { sessionId, key: 'r', field: 'nope' }), 'NOT_FOUND');
    await admin.set('str', 'v');
    await expectFailure(call('values.hash.getField', { sessionId, key: 'str', field: 'f' }), 'WRONGTYPE');
  });
});
