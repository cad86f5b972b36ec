import type Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { startStandalone, waitFor, type StandaloneServer } from '../localRedis/testSupport';
import { decodeKey } from '../keys/keyBytes';
import { clientList, expectFailure, standaloneProfile } from '../sessions/testSupport/sessionTestbed';
import { decodeValue, versionOf } from './valueCodec';
import { b64, useValueServer } from './testSupport/valueTestServer';

// String values against a real redis-server; a second ioredis client (`admin`) plays the other
// user and checks what was written, byte for byte.
let redis: StandaloneServer;
let admin: Redis;
let sessionId: string;
const bed = useValueServer({ readOnly: true }, (server) => ({ redis, admin, sessionId } = server));
const { call } = bed;

const ALL_BYTES = Buffer.from(Array.from({ length: 256 }, (_, i) => i));

describe('round trips', () => {
  it.each([
    ['text', Buffer.from('héllo wörld ✓ 😀\nline two', 'utf8')],
    ['JSON', Buffer.from(JSON.stringify({ a: [1, 2, { b: 'ü' }], c: null }), 'utf8')],
    ['all 256 byte values', Buffer.concat([ALL_BYTES, Buffer.from(ALL_BYTES).reverse()])],
    ['random bytes', randomBytes(64 * 1024)],
    ['empty', Buffer.alloc(0)],
  ])('%s: created, read back by another client, loaded and saved byte-exact', async (_, bytes) => {
    const key = b64(Buffer.concat([Buffer.from('rt:'), randomBytes(4), Buffer.from([0xff, 0x00])]));
    const created = await call('values.string.set', { sessionId, key, value: b64(bytes), expect: 'absent' });
    expect(created.version).toBe(versionOf(bytes));
    expect((await admin.getBuffer(decodeKey(key)))!.equals(bytes)).toBe(true);

    const loaded = await call('values.string.get', { sessionId, key });
    expect(loaded).toMatchObject({ size: bytes.length, partial: false, version: versionOf(bytes), ttlMs: -1 });
    expect(decodeValue(loaded.value).equals(bytes)).toBe(true);

    const edited = Buffer.concat([bytes, Buffer.from([0x00, 0xfe, 0x41])]);
    await call('values.string.set', { sessionId, key, value: b64(edited), expect: { version: loaded.version! } });
    expect((await admin.getBuffer(decodeKey(key)))!.equals(edited)).toBe(true);
  });

  it('sends valid UTF-8 as text and anything else as base64', async () => {
    await admin.set('utf8', 'plain ✓');
    await admin.set(Buffer.from('bin'), Buffer.from([0xc3, 0x28]));
    expect((await call('values.string.get', { sessionId, key: 'utf8' })).value).toBe('plain ✓');
    expect((await call('values.string.get', { sessionId, key: 'bin' })).value).toEqual({ base64: 'wyg=' });
  });
});

describe('SET options', () => {
  it('NX refuses an existing key with KEY_EXISTS and writes nothing', async () => {
    await admin.set('nx', 'theirs');
    const failure = await expectFailure(
      call('values.string.set', { sessionId, key: 'nx', value: 'mine', expect: 'absent' }),
      'KEY_EXISTS',
    );
    expect(failure.message).toContain('"nx" already exists');
    expect(await admin.get('nx')).toBe('theirs');
  });

  it('XX refuses a missing key with NOT_FOUND and creates nothing', async () => {
    await expectFailure(call('values.string.set', { sessionId, key: 'xx', value: 'v', expect: 'exists' }), 'NOT_FOUND');
    expect(await admin.exists('xx')).toBe(0);
    await admin.set('xx', 'old');
    await call('values.string.set', { sessionId, key: 'xx', value: 'new', expect: 'exists' });
    expect(await admin.get('xx')).toBe('new');
  });

  it('EX and PX set the TTL; the result reports it', async () => {
    const ex = await call('values.string.set', {
      sessionId,
      key: 'ex',
      value: 'v',
      expect: 'absent',
      ttl: { seconds: 100 },
    });
    expect(ex.ttlMs).toBeGreaterThan(99_000);
    expect(await admin.ttl('ex')).toBeGreaterThan(98);
    const px = await call('values.string.set', {
      sessionId,
      key: 'px',
      value: 'v',
      expect: 'absent',
      ttl: { ms: 50_000 },
    });
    expect(px.ttlMs).toBeLessThanOrEqual(50_000);
    expect(await admin.pttl('px')).toBeGreaterThan(40_000);
  });

  it('a save keeps the TTL (KEEPTTL) unless told to persist or change it', async () => {
    await admin.set('keep', 'v1', 'EX', 1_000);
    const loaded = await call('values.string.get', { sessionId, key: 'keep' });
    expect(loaded.ttlMs).toBeGreaterThan(990_000);
    const saved = await call('values.string.set', {
      sessionId,
      key: 'keep',
      value: 'v2',
      expect: { version: loaded.version! },
    });
    expect(await admin.ttl('keep')).toBeGreaterThan(990);
    expect(saved.ttlMs).toBeGreaterThan(990_000);
    const persisted = await call('values.string.set', {
      sessionId,
      key: 'keep',
      value: 'v3',
      expect: { version: saved.version },
      ttl: 'persist',
    });
    expect(persisted.ttlMs).toBe(-1);
    expect(await admin.ttl('keep')).toBe(-1);
    await call('values.string.set', {
      sessionId,
      key: 'keep',
      value: 'v4',
      expect: { version: persisted.version },
      ttl: { ms: 7_000 },
    });
    expect(await admin.pttl('keep')).toBeGreaterThan(5_000);
  });

  it('plain overwrite (any) replaces whatever is there, even another type', async () => {
    await admin.rpush('was-list', 'a');
    await call('values.string.set', { sessionId, key: 'was-list', value: 'now a string', expect: 'any' });
    expect(await admin.get('was-list')).toBe('now a string');
  });
});

describe('conflict safety', () => {
  it('refuses a save when another client changed the value since load, and shows the current one', async () => {
    await admin.set('shared', 'original');
    const loaded = await call('values.string.get', { sessionId, key: 'shared' });
    await admin.set('shared', 'changed by someone else');
    const failure = await expectFailure(
      call('values.string.set', { sessionId, key: 'shared', value: 'my edit', expect: { version: loaded.version! } }),
      'CONFLICT',
    );
    const { current } = failure.details!;
    expect(current.value).toBe('changed by someone else');
    expect(await admin.get('shared')).toBe('changed by someone else');
    // The user chooses to overwrite: save again against the version now on the server.
    await call('values.string.set', {
      sessionId,
      key: 'shared',
      value: 'my edit',
      expect: { version: current.version! },
    });
    expect(await admin.get('shared')).toBe('my edit');
  });

  it('a change back to the same bytes is not a conflict (the version is the content)', async () => {
    await admin.set('aba', 'A');
    const loaded = await call('values.string.get', { sessionId, key: 'aba' });
    await admin.set('aba', 'B');
    await admin.set('aba', 'A');
    await call('values.string.set', { sessionId, key: 'aba', value: 'C', expect: { version: loaded.version! } });
    expect(await admin.get('aba')).toBe('C');
  });

  it('says so when the key was deleted or changed type while open', async () => {
    await admin.set('open', 'v');
    const loaded = await call('values.string.get', { sessionId, key: 'open' });
    await admin.del('open');
    const gone = await expectFailure(
      call('values.string.set', { sessionId, key: 'open', value: 'x', expect: { version: loaded.version! } }),
      'NOT_FOUND',
    );
    expect(gone.message).toBe('The key "open" no longer exists (deleted or expired).');
    expect(await admin.exists('open')).toBe(0);
    await expectFailure(call('values.string.get', { sessionId, key: 'open' }), 'NOT_FOUND');

    await admin.rpush('open', 'a', 'b');
    const typed = await expectFailure(
      call('values.string.set', { sessionId, key: 'open', value: 'x', expect: { version: loaded.version! } }),
      'WRONGTYPE',
    );
    expect(typed.details).toEqual({ type: 'list' });
    expect(typed.message).toContain('is now a list');
    await expectFailure(call('values.string.get', { sessionId, key: 'open' }), 'WRONGTYPE');
    expect(await admin.lrange('open', 0, -1)).toEqual(['a', 'b']);
  });
});

describe('big values', () => {
  const SIZE = 50 * 1024 * 1024;
  let big: Buffer;
  beforeAll(async () => {
    // Text with multi-byte characters, so the 1 MB cut lands inside one.
    big = Buffer.from('é'.repeat(SIZE / 2), 'utf8');
    await admin.set('big', big);
  });

  it('loads the first 1 MB of a 50 MB value with GETRANGE, marked partial, without a version', async () => {
    const loaded = await call('values.string.get', { sessionId, key: 'big' });
    expect(loaded).toMatchObject({ size: SIZE, partial: true, loadedBytes: 1024 * 1024, version: null });
    expect(loaded.value).toBe('é'.repeat(512 * 1024));
  });

  it('loads it whole when asked, with a version that a save can use', async () => {
    const loaded = await call('values.string.get', { sessionId, key: 'big', whole: true });
    expect(loaded).toMatchObject({ size: SIZE, partial: false, loadedBytes: SIZE, version: versionOf(big) });
    const edited = Buffer.concat([big, Buffer.from('!')]);
    await call('values.string.set', {
      sessionId,
      key: 'big',
      value: b64(edited),
      expect: { version: loaded.version! },
    });
    expect(await admin.strlen('big')).toBe(SIZE + 1);
  });

  it('a conflict on a big value carries a partial preview and the size', async () => {
    const loaded = await call('values.string.get', { sessionId, key: 'big', whole: true });
    await admin.append('big', '?');
    const failure = await expectFailure(
      call('values.string.set', { sessionId, key: 'big', value: 'short', expect: { version: loaded.version! } }),
      'CONFLICT',
    );
    expect(failure.details).toMatchObject({ current: { partial: true, size: SIZE + 2, version: null } });
  });
});

describe('the key tree', () => {
  it("a key created here joins the session's key index at once", async () => {
    await bed.service.scan(sessionId, 0, {});
    await bed.service.settled(sessionId);
    await call('values.string.set', { sessionId, key: 'tree:new', value: 'v', expect: 'absent' });
    const rows = bed.service.rows(sessionId, 0, 0, 5_000, 'flat').rows;
    expect(rows.some((row) => row.kind === 'key' && row.key === 'tree:new')).toBe(true);
  });
});

describe('server refusals', () => {
  it('OOM: nothing written, the user is told the server is out of memory', async () => {
    await admin.config('SET', 'maxmemory', '1');
    try {
      const failure = await expectFailure(
        call('values.string.set', { sessionId, key: 'oom', value: 'v', expect: 'absent' }),
        'OOM',
      );
      expect(failure.message).toContain('out of memory');
    } finally {
      await admin.config('SET', 'maxmemory', '0');
    }
    expect(await admin.exists('oom')).toBe(0);
  });

  it('a READONLY reply (a replica, e.g. just demoted by a failover) becomes READ_ONLY, explained', async () => {
    const replica = await startStandalone();
    const replicaAdmin = await replica.node.client();
    try {
      await replicaAdmin.call('REPLICAOF', '127.0.0.1', String(redis.port));
      bed.profiles.set('replica', standaloneProfile({ host: '127.0.0.1', port: replica.port }));
      const onReplica = (await bed.sessions.open('replica')).id;
      const failure = await expectFailure(
        call('values.string.set', { sessionId: onReplica, key: 'r', value: 'v', expect: 'any' }),
        'READ_ONLY',
      );
      expect(failure.message).toContain('read-only replica');
      await bed.sessions.close(onReplica);
    } finally {
      replicaAdmin.disconnect();
      await replica.stop();
    }
  });
});

describe('without scripting (ACL -@scripting): WATCH/MULTI/EXEC on a connection of its own', () => {
  let limited: string;
  beforeAll(async () => {
    await admin.call('ACL', 'SETUSER', 'nolua', 'on', '>pw', '~*', '&*', '+@all', '-@scripting');
    bed.profiles.set(
      'nolua',
      standaloneProfile({ host: '127.0.0.1', port: redis.port, username: 'nolua', password: 'pw' }),
    );
    limited = (await bed.sessions.open('nolua')).id;
  });

  it('saves against the version, and still detects a conflict', async () => {
    await admin.set('w', 'one', 'EX', 500);
    const loaded = await call('values.string.get', { sessionId: limited, key: 'w' });
    const saved = await call('values.string.set', {
      sessionId: limited,
      key: 'w',
      value: b64(ALL_BYTES),
      expect: { version: loaded.version! },
    });
    expect((await admin.getBuffer('w'))!.equals(ALL_BYTES)).toBe(true);
    expect(await admin.ttl('w')).toBeGreaterThan(490);
    expect(saved.ttlMs).toBeGreaterThan(490_000);
    expect(await admin.info('commandstats')).toContain('cmdstat_watch:');
    // The WATCH connection is closed after the write and never touched the session's state.
    expect(bed.sessions.view(limited).state).toBe('ready');
    await waitFor(
      async () => (await clientList(redis.node)).filter((c) => c.name === `redlens:${limited}`).length === 1,
      {
        timeoutMs: 5_000,
        what: 'only the session connection left',
      },
    );

    await admin.set('w', 'theirs');
    const failure = await expectFailure(
      call('values.string.set', { sessionId: limited, key: 'w', value: 'mine', expect: { version: saved.version } }),
      'CONFLICT',
    );
    expect(failure.details).toMatchObject({ current: { value: 'theirs' } });
    expect(await admin.get('w')).toBe('theirs');
    await admin.del('w');
    await expectFailure(
      call('values.string.set', { sessionId: limited, key: 'w', value: 'mine', expect: { version: saved.version } }),
      'NOT_FOUND',
    );
  });
});

describe('read-only', () => {
  it('a read-only session reads but refuses writes with READ_ONLY, before reaching Redis', async () => {
    const ro = (await bed.sessions.open('ro')).id;
    await admin.set('ro-key', 'v');
    expect((await call('values.string.get', { sessionId: ro, key: 'ro-key' })).value).toBe('v');
    const failure = await expectFailure(
      call('values.string.set', { sessionId: ro, key: 'ro-key', value: 'x', expect: 'any' }),
      'READ_ONLY',
    );
    expect(failure.message).toContain('read-only');
    expect(await admin.get('ro-key')).toBe('v');
  });
});
