import type Redis from 'ioredis';
import { describe, expect, it } from 'vitest';
import type { HashEntry } from '../../../shared/api/values';
import { expectFailure } from '../sessions/testSupport/sessionTestbed';
import { decodeValue, versionOf } from './valueCodec';
import { b64, keysOf, useValueServer } from './testSupport/valueTestServer';

// The hash editor's core against a real redis-server; `admin` is another client.
let admin: Redis;
let sessionId: string;
let noLua: string;

const FIELDS = 100_000;

/** The file's data: a hash 'big' of FIELDS fields. */
async function seed(admin: Redis) {
  for (let g = 0; g < FIELDS / 10_000; g++) {
    const args: string[] = [];
    for (let i = g * 10_000; i < (g + 1) * 10_000; i++) args.push(`f${i}`, `value ${i}`);
    await admin.hset('big', ...args);
  }
}
const bed = useValueServer(
  { seed, noLua: true, timeoutMs: 60_000 },
  (server) => ({ admin, sessionId, noLua } = server),
);
const { call } = bed;

/** Every HSCAN page of a hash, the way the table loads it while scrolling. */
async function scanAll(key: string, count: number, match?: string): Promise<HashEntry[]> {
  const entries: HashEntry[] = [];
  let cursor = '0';
  do {
    const page = await call('values.hash.scan', { sessionId, key, cursor, count, match });
    entries.push(...page.entries);
    cursor = page.cursor;
  } while (cursor !== '0');
  return entries;
}

describe('paging', () => {
  it('HSCAN pages over 100k fields see every field, each once after deduplication by field', async () => {
    const first = await call('values.hash.scan', { sessionId, key: 'big', count: 500 });
    expect(first.length).toBe(FIELDS);
    expect(first.entries.length).toBeGreaterThan(0);
    const entries = await scanAll('big', 1_000);
    const byField = new Map(entries.map((e) => [e.field.value as string, e.value.value]));
    expect(byField.size).toBe(FIELDS);
    expect(byField.get('f12345')).toBe('value 12345');
    // HSCAN guarantees every element at least once; with no writes meanwhile, no repeats either.
    expect(entries.length).toBe(FIELDS);
  });

  it('filters with MATCH and cuts long values to the preview size', async () => {
    await admin.hset('long', 'short', 'v', 'long', 'é'.repeat(1_000), 'other', 'x');
    const page = await call('values.hash.scan', { sessionId, key: 'long', match: '*o*', previewBytes: 11 });
    const fields = Object.fromEntries(page.entries.map((e) => [e.field.value, e.value]));
    expect(Object.keys(fields).sort()).toEqual(['long', 'other', 'short']);
    expect(fields.long).toEqual({ value: 'é'.repeat(5), size: 2_000, truncated: true });
    expect(page.length).toBe(3);
    const filtered = await scanAll('big', 1_000, 'f9999*');
    expect(filtered.map((e) => e.field.value).sort()).toEqual([
      'f9999',
      'f99990',
      'f99991',
      'f99992',
      'f99993',
      'f99994',
      'f99995',
      'f99996',
      'f99997',
      'f99998',
      'f99999',
    ]);
  });

  it('the key gone or of another type is said plainly', async () => {
    await expectFailure(call('values.hash.scan', { sessionId, key: 'nope' }), 'NOT_FOUND');
    await admin.set('str', 'v');
    const failure = await expectFailure(call('values.hash.scan', { sessionId, key: 'str' }), 'WRONGTYPE');
    expect(failure.message).toContain('is now a string, not a hash');
  });
});

describe.each([
  ['Lua compare-and-set', () => sessionId],
  ['WATCH fallback (no scripting)', () => noLua],
])('editing fields: %s', (_, session) => {
  const key = keysOf(session);

  it('adds, edits, renames and deletes binary-safe fields', async () => {
    const h = key('h');
    await admin.hset(h, 'seed', '1');
    const field = Buffer.from([0x00, 0xff, 0x41]);
    const value = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    await call('values.hash.setField', {
      sessionId: session(),
      key: h,
      field: b64(field),
      value: b64(value),
      expect: 'absent',
    });
    expect((await admin.hgetBuffer(h, field))!.equals(value)).toBe(true);

    const loaded = await call('values.hash.getField', { sessionId: session(), key: h, field: b64(field) });
    expect(loaded).toMatchObject({ size: 256, partial: false, version: versionOf(value) });
    expect(decodeValue(loaded.value).equals(value)).toBe(true);

    const saved = await call('values.hash.setField', {
      sessionId: session(),
      key: h,
      field: b64(field),
      value: '{"edited":true}',
      expect: { version: loaded.version! },
    });
    expect(saved.version).toBe(versionOf(Buffer.from('{"edited":true}')));
    expect(await admin.hget(h, field)).toBe('{"edited":true}');

    const renamed = await call('values.hash.renameField', {
      sessionId: session(),
      key: h,
      field: b64(field),
      newField: 'renamed',
    });
    expect(renamed.field).toBe('renamed');
    expect(await admin.hgetall(h)).toEqual({ seed: '1', renamed: '{"edited":true}' });

    expect(
      await call('values.hash.deleteFields', { sessionId: session(), key: h, fields: ['renamed', 'ghost'] }),
    ).toEqual({
      deleted: 1,
      keyDeleted: false,
    });
    expect(await admin.hgetall(h)).toEqual({ seed: '1' });
  });

  it('HSETNX (only if absent) refuses an existing field with FIELD_EXISTS', async () => {
    const h = key('nx');
    await admin.hset(h, 'taken', 'theirs');
    const failure = await expectFailure(
      call('values.hash.setField', { sessionId: session(), key: h, field: 'taken', value: 'mine', expect: 'absent' }),
      'FIELD_EXISTS',
    );
    expect(failure.message).toContain('already has a field "taken"');
    expect(await admin.hget(h, 'taken')).toBe('theirs');
  });

  it('rename refuses when the new field exists, and when the old one is gone', async () => {
    const h = key('ren');
    await admin.hset(h, 'a', '1', 'b', '2');
    await expectFailure(
      call('values.hash.renameField', { sessionId: session(), key: h, field: 'a', newField: 'b' }),
      'FIELD_EXISTS',
    );
    await expectFailure(
      call('values.hash.renameField', { sessionId: session(), key: h, field: 'zz', newField: 'c' }),
      'NOT_FOUND',
    );
    expect(await admin.hgetall(h)).toEqual({ a: '1', b: '2' });
  });

  it('detects a field changed by another client between load and save, and shows the current value', async () => {
    const h = key('cf');
    await admin.hset(h, 'f', 'original');
    const loaded = await call('values.hash.getField', { sessionId: session(), key: h, field: 'f' });
    await admin.hset(h, 'f', 'theirs');
    const failure = await expectFailure(
      call('values.hash.setField', {
        sessionId: session(),
        key: h,
        field: 'f',
        value: 'mine',
        expect: { version: loaded.version! },
      }),
      'CONFLICT',
    );
    const { current } = failure.details!;
    expect(current.value).toBe('theirs');
    expect(await admin.hget(h, 'f')).toBe('theirs');
    await call('values.hash.setField', {
      sessionId: session(),
      key: h,
      field: 'f',
      value: 'mine',
      expect: { version: current.version! },
    });
    expect(await admin.hget(h, 'f')).toBe('mine');

    await admin.hdel(h, 'f');
    await admin.hset(h, 'other', 'keeps the hash alive');
    await expectFailure(
      call('values.hash.setField', {
        sessionId: session(),
        key: h,
        field: 'f',
        value: 'again',
        expect: { version: current.version! },
      }),
      'NOT_FOUND',
    );
  });

  it('never recreates a hash deleted or replaced while open', async () => {
    const h = key('gone');
    await admin.hset(h, 'f', 'v');
    await admin.del(h);
    const gone = await expectFailure(
      call('values.hash.setField', { sessionId: session(), key: h, field: 'f', value: 'v2', expect: 'any' }),
      'NOT_FOUND',
    );
    expect(gone.message).toContain('no longer exists (deleted or expired)');
    expect(await admin.exists(h)).toBe(0);
    await admin.set(h, 'a string now');
    const typed = await expectFailure(
      call('values.hash.setField', { sessionId: session(), key: h, field: 'f', value: 'v2', expect: 'any' }),
      'WRONGTYPE',
    );
    expect(typed.details).toEqual({ type: 'string' });
  });

  it('creates a hash with its fields and TTL, refusing an existing key', async () => {
    const h = key('new');
    const created = await call('values.hash.create', {
      sessionId: session(),
      key: h,
      entries: [
        { field: 'a', value: '1' },
        { field: b64(Buffer.from([0xff])), value: b64(Buffer.from([0x00])) },
      ],
      ttl: { seconds: 300 },
    });
    expect(created.length).toBe(2);
    expect(created.ttlMs).toBeGreaterThan(290_000);
    expect(await admin.ttl(h)).toBeGreaterThan(290);
    expect((await admin.hgetBuffer(h, Buffer.from([0xff])))!.equals(Buffer.from([0x00]))).toBe(true);
    await expectFailure(
      call('values.hash.create', { sessionId: session(), key: h, entries: [{ field: 'x', value: 'y' }] }),
      'KEY_EXISTS',
    );
    expect(await admin.hlen(h)).toBe(2);
  });
});

describe('big fields and the key tree', () => {
  it('a field over 1 MB loads partially unless asked whole', async () => {
    const value = Buffer.alloc(3 * 1024 * 1024, 0x61);
    await admin.hset('bigfield', 'f', value);
    const partial = await call('values.hash.getField', { sessionId, key: 'bigfield', field: 'f' });
    expect(partial).toMatchObject({ partial: true, size: value.length, loadedBytes: 1024 * 1024, version: null });
    const whole = await call('values.hash.getField', { sessionId, key: 'bigfield', field: 'f', whole: true });
    expect(whole).toMatchObject({ partial: false, loadedBytes: value.length, version: versionOf(value) });
  });

  it('deleting the last field removes the key, and the tree drops it; a created hash joins it', async () => {
    await admin.hset('tree:h', 'only', 'v');
    await bed.service.scan(sessionId, 0, {});
    await bed.service.settled(sessionId);
    const keys = () =>
      bed.service.rows(sessionId, 0, 0, 5_000, 'flat').rows.flatMap((r) => (r.kind === 'key' ? [r.key] : []));
    expect(keys()).toContain('tree:h');
    expect(await call('values.hash.deleteFields', { sessionId, key: 'tree:h', fields: ['only'] })).toEqual({
      deleted: 1,
      keyDeleted: true,
    });
    expect(keys()).not.toContain('tree:h');
    await call('values.hash.create', { sessionId, key: 'tree:h2', entries: [{ field: 'a', value: 'b' }] });
    expect(keys()).toContain('tree:h2');
  });
});
