import type Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { expectFailure } from '../sessions/testSupport/sessionTestbed';
import { versionOf } from './valueCodec';
import { newUploadId as uploadId, useValueServer } from './testSupport/valueTestServer';

// Loading big strings in chunks (values.string.chunk + values.string.digest) and saving them in
// chunks (upload + commitUpload) against a real redis-server; `admin` plays the other user.
let admin: Redis;
let sessionId: string;
let noLua: string;
const bed = useValueServer({ noLua: true, readOnly: true }, (server) => ({ admin, sessionId, noLua } = server));
const { call } = bed;

/** Loads `key` chunk by chunk as the UI does; `between` runs after each chunk. */
async function loadInChunks(session: string, key: string, length: number, between?: (n: number) => Promise<void>) {
  const parts: Buffer[] = [];
  const sizes = new Set<number>();
  let offset = 0;
  for (let n = 0; ; n++) {
    const chunk = await call('values.string.chunk', { sessionId: session, key, offset, length });
    sizes.add(chunk.size);
    if (chunk.bytes === 0) break;
    // Raw bytes, exactly as many as asked for until the end (no text form to keep whole).
    expect(chunk.value).toBeInstanceOf(Uint8Array);
    expect(chunk.value.length).toBe(chunk.bytes);
    if (offset + length < chunk.size) expect(chunk.bytes).toBe(length);
    parts.push(Buffer.from(chunk.value));
    offset += chunk.bytes;
    await between?.(n);
  }
  return { bytes: Buffer.concat(parts), sizes, chunks: parts.length };
}

describe('chunked load', () => {
  it('puts a value together byte for byte, chunk ends inside UTF-8 characters included', async () => {
    // Two- and four-byte characters, so chunk ends land inside characters.
    const text = Buffer.from('aé😀'.repeat(400_000), 'utf8');
    await admin.set('text', text);
    const loaded = await loadInChunks(sessionId, 'text', 1_000_003);
    expect(loaded.bytes.equals(text)).toBe(true);
    expect(loaded.chunks).toBe(Math.ceil(text.length / 1_000_003));
    expect(loaded.sizes).toEqual(new Set([text.length]));
    const digest = await call('values.string.digest', { sessionId, key: 'text' });
    expect(digest).toEqual({ version: versionOf(text), size: text.length, ttlMs: -1 });
  });

  it('random bytes travel raw, exactly', async () => {
    const bytes = randomBytes(3 * 1024 * 1024 + 5);
    await admin.set('bin', bytes, 'EX', 600);
    const loaded = await loadInChunks(sessionId, 'bin', 1024 * 1024);
    expect(loaded.bytes.equals(bytes)).toBe(true);
    const digest = await call('values.string.digest', { sessionId, key: 'bin' });
    expect(digest.version).toBe(versionOf(bytes));
    expect(digest.ttlMs).toBeGreaterThan(590_000);
  });

  it('a change during the load shows: the size moves, or the digest is not the bytes put together', async () => {
    await admin.set('moving', randomBytes(2 * 1024 * 1024));
    // Same length, other bytes where the load already was: the chunks still agree on the size…
    const mixed = await loadInChunks(sessionId, 'moving', 512 * 1024, async (n) => {
      if (n === 1) await admin.setrange('moving', 100, 'changed by someone else');
    });
    expect(mixed.sizes.size).toBe(1);
    // …but the mix of old and new bytes is not the value, and the digest says so.
    const digest = await call('values.string.digest', { sessionId, key: 'moving' });
    expect(digest.version).not.toBe(versionOf(mixed.bytes));
    expect(digest.version).toBe(versionOf((await admin.getBuffer('moving'))!));

    // A change where the load has not been yet is read with it: the bytes are the value now.
    const ahead = await loadInChunks(sessionId, 'moving', 512 * 1024, async (n) => {
      if (n === 1) await admin.setrange('moving', 1_500_000, 'changed again');
    });
    expect((await call('values.string.digest', { sessionId, key: 'moving' })).version).toBe(versionOf(ahead.bytes));

    const grown = await loadInChunks(sessionId, 'moving', 512 * 1024, async (n) => {
      if (n === 1) await admin.append('moving', 'more');
    });
    expect(grown.sizes).toEqual(new Set([2 * 1024 * 1024, 2 * 1024 * 1024 + 4]));
  });

  it('past the end: no bytes; a gone or retyped key: NOT_FOUND / WRONGTYPE', async () => {
    await admin.set('short', 'abc');
    expect(await call('values.string.chunk', { sessionId, key: 'short', offset: 10, length: 5 })).toEqual({
      value: new Uint8Array(0),
      bytes: 0,
      size: 3,
    });
    await expectFailure(call('values.string.chunk', { sessionId, key: 'none', offset: 0, length: 5 }), 'NOT_FOUND');
    await expectFailure(call('values.string.digest', { sessionId, key: 'none' }), 'NOT_FOUND');
    await admin.hset('hash', 'f', 'v');
    await expectFailure(call('values.string.chunk', { sessionId, key: 'hash', offset: 0, length: 5 }), 'WRONGTYPE');
    const typed = await expectFailure(call('values.string.digest', { sessionId, key: 'hash' }), 'WRONGTYPE');
    expect(typed.details).toEqual({ type: 'hash' });
  });

  it('without scripting the digest is computed in core, the same', async () => {
    const bytes = randomBytes(100_000);
    await admin.set('plain', bytes);
    const digest = await call('values.string.digest', { sessionId: noLua, key: 'plain' });
    expect(digest).toEqual({ version: versionOf(bytes), size: bytes.length, ttlMs: -1 });
  });
});

/** Stages `bytes` in chunks of `length` as the UI does (raw bytes). */
async function stage(session: string, key: string, id: string, bytes: Buffer, length: number) {
  for (let offset = 0; offset < bytes.length; offset += length) {
    const value = new Uint8Array(bytes.subarray(offset, offset + length));
    const { staged } = await call('values.string.upload', { sessionId: session, key, uploadId: id, offset, value });
    expect(staged).toBe(Math.min(bytes.length, offset + length));
  }
}

describe('chunked save', () => {
  it.each([
    ['scripting', () => sessionId],
    ['WATCH fallback (no scripting)', () => noLua],
  ])('%s: swaps the staged bytes in atomically, keeps the TTL, leaves no staging key', async (_, session) => {
    const key = `up:${uploadId()}`;
    const old = randomBytes(10_000);
    await admin.set(key, old, 'EX', 900);
    const next = randomBytes(2 * 1024 * 1024 + 3);
    const id = uploadId();
    await stage(session(), key, id, next, 700_000);
    expect(await admin.getBuffer(key)).toEqual(old);
    expect(await admin.pttl(`redlens:upload:${id}`)).toBeGreaterThan(0);

    const saved = await call('values.string.commitUpload', {
      sessionId: session(),
      key,
      uploadId: id,
      size: next.length,
      version: versionOf(next),
      expect: { version: versionOf(old) },
    });
    expect(saved).toMatchObject({ version: versionOf(next), size: next.length });
    expect(saved.ttlMs).toBeGreaterThan(890_000);
    expect((await admin.getBuffer(key))!.equals(next)).toBe(true);
    expect(await admin.ttl(key)).toBeGreaterThan(890);
    expect(await admin.exists(`redlens:upload:${id}`)).toBe(0);
  });

  it('refuses with CONFLICT when the value changed meanwhile, writing nothing', async () => {
    await admin.set('cas', 'v1');
    const id = uploadId();
    await stage(sessionId, 'cas', id, Buffer.from('my big edit'), 4);
    await admin.set('cas', 'theirs');
    const failure = await expectFailure(
      call('values.string.commitUpload', {
        sessionId,
        key: 'cas',
        uploadId: id,
        size: 11,
        version: versionOf(Buffer.from('my big edit')),
        expect: { version: versionOf(Buffer.from('v1')) },
      }),
      'CONFLICT',
    );
    expect(failure.details).toMatchObject({ current: { value: 'theirs' } });
    expect(await admin.get('cas')).toBe('theirs');
    expect(await call('values.string.abortUpload', { sessionId, key: 'cas', uploadId: id })).toEqual({ removed: true });
    expect(await admin.exists(`redlens:upload:${id}`)).toBe(0);
  });

  it('a chunk that does not land where the staged bytes end, or a commit of fewer bytes, is refused', async () => {
    await admin.set('gap', 'v1');
    const id = uploadId();
    await call('values.string.upload', { sessionId, key: 'gap', uploadId: id, offset: 0, value: 'abc' });
    const gap = await expectFailure(
      call('values.string.upload', { sessionId, key: 'gap', uploadId: id, offset: 5, value: 'def' }),
      'CONNECTION_LOST',
    );
    expect(gap.details).toEqual({ applied: false });
    expect(await admin.get(`redlens:upload:${id}`)).toBe('abc');
    await expectFailure(
      call('values.string.commitUpload', {
        sessionId,
        key: 'gap',
        uploadId: id,
        size: 6,
        version: versionOf(Buffer.from('abcdef')),
        expect: 'any',
      }),
      'CONNECTION_LOST',
    );
    expect(await admin.get('gap')).toBe('v1');
  });

  it('creates with absent (KEY_EXISTS when it exists) and persists or sets the TTL as asked', async () => {
    const id = uploadId();
    await stage(sessionId, 'fresh', id, Buffer.from('new value'), 3);
    await admin.set('fresh', 'already');
    await expectFailure(
      call('values.string.commitUpload', {
        sessionId,
        key: 'fresh',
        uploadId: id,
        size: 9,
        version: versionOf(Buffer.from('new value')),
        expect: 'absent',
      }),
      'KEY_EXISTS',
    );
    await admin.del('fresh');
    const created = await call('values.string.commitUpload', {
      sessionId,
      key: 'fresh',
      uploadId: id,
      size: 9,
      version: versionOf(Buffer.from('new value')),
      expect: 'absent',
      ttl: { seconds: 60 },
    });
    expect(created.ttlMs).toBeGreaterThan(55_000);
    expect(await admin.get('fresh')).toBe('new value');

    const again = uploadId();
    await stage(sessionId, 'fresh', again, Buffer.from('persisted'), 100);
    const persisted = await call('values.string.commitUpload', {
      sessionId,
      key: 'fresh',
      uploadId: again,
      size: 9,
      version: versionOf(Buffer.from('persisted')),
      expect: 'exists',
    });
    // KEEPTTL keeps the 60 s; the staging key's own expiry never leaks onto the key.
    expect(persisted.ttlMs).toBeGreaterThan(50_000);
    expect(persisted.ttlMs).toBeLessThanOrEqual(60_000);
  });

  it('a read-only session can load in chunks but not stage or commit', async () => {
    const ro = (await bed.sessions.open('ro')).id;
    await admin.set('ro-big', 'value');
    const chunk = await call('values.string.chunk', { sessionId: ro, key: 'ro-big', offset: 0, length: 3 });
    expect(Buffer.from(chunk.value).toString()).toBe('val');
    expect((await call('values.string.digest', { sessionId: ro, key: 'ro-big' })).size).toBe(5);
    await expectFailure(
      call('values.string.upload', { sessionId: ro, key: 'ro-big', uploadId: uploadId(), offset: 0, value: 'x' }),
      'READ_ONLY',
    );
  });
});
