import type Redis from 'ioredis';
import { describe, expect, it } from 'vitest';
import { expectFailure } from '../sessions/testSupport/sessionTestbed';
import { decodeValue } from './valueCodec';
import { useValueServer } from './testSupport/valueTestServer';

// MSET / MSETNX (bulk creation, all or nothing) and MGET (comparing keys) against a real redis-server.
let admin: Redis;
let sessionId: string;
const bed = useValueServer({}, (server) => ({ admin, sessionId } = server));
const { call } = bed;

describe('values.mset', () => {
  it('MSET writes every pair, binary keys and values included, and overwrites', async () => {
    await admin.set('m:1', 'old');
    const pairs = [
      { key: 'm:1', value: 'one' },
      { key: 'm:2', value: { base64: Buffer.from([0, 255, 128]).toString('base64') } },
      { key: { base64: Buffer.from([0x6d, 0x3a, 0xff]).toString('base64') }, value: 'ü' },
    ];
    expect(await call('values.mset', { sessionId, pairs })).toEqual({ count: 3 });
    expect(await admin.get('m:1')).toBe('one');
    expect((await admin.getBuffer('m:2'))!.equals(Buffer.from([0, 255, 128]))).toBe(true);
    expect(await admin.get(Buffer.from([0x6d, 0x3a, 0xff]))).toBe('ü');
  });

  it('MSETNX writes all when none exist, and nothing at all when one does, naming it', async () => {
    const pairs = Array.from({ length: 1_200 }, (_, i) => ({ key: `nx:${i}`, value: `v${i}` }));
    expect(await call('values.mset', { sessionId, pairs, onlyIfNoneExist: true })).toEqual({ count: 1_200 });
    expect(await admin.get('nx:1199')).toBe('v1199');

    const next = [
      { key: 'fresh:1', value: 'a' },
      { key: 'nx:7', value: 'clobber?' },
      { key: 'fresh:2', value: 'b' },
    ];
    const failure = await expectFailure(
      call('values.mset', { sessionId, pairs: next, onlyIfNoneExist: true }),
      'KEY_EXISTS',
    );
    expect(failure.details).toEqual({ existing: ['nx:7'] });
    expect(failure.message).toContain('Nothing was written: 1 of the 3 keys already exist');
    expect(await admin.exists('fresh:1', 'fresh:2')).toBe(0);
    expect(await admin.get('nx:7')).toBe('v7');
  });

  it('new keys appear in the key tree', async () => {
    await bed.service.scan(sessionId, 0, {});
    await bed.service.settled(sessionId);
    await call('values.mset', {
      sessionId,
      pairs: [
        { key: 'tree:a', value: '1' },
        { key: 'tree:b', value: '2' },
      ],
    });
    const keys = bed.service
      .rows(sessionId, 0, 0, 5_000, 'flat')
      .rows.flatMap((r) => (r.kind === 'key' ? [r.key] : []));
    expect(keys).toEqual(expect.arrayContaining(['tree:a', 'tree:b']));
  });
});

describe('values.mget', () => {
  it('compares strings side by side; missing keys, other types and big values are told apart', async () => {
    await admin.mset('c:1', '{"a":1}', 'c:2', '{"a":2}', 'c:empty', '');
    await admin.hset('c:hash', 'f', 'v');
    await admin.set('c:big', 'x'.repeat(200_000));
    await admin.set('c:bin', Buffer.from([0xff, 0xfe]));
    const items = await call('values.mget', {
      sessionId,
      keys: ['c:1', 'c:2', 'c:missing', 'c:hash', 'c:big', 'c:empty', 'c:bin'],
      previewBytes: 1_000,
    });
    expect(items).toEqual([
      { key: 'c:1', type: 'string', value: { value: '{"a":1}', size: 7, truncated: false } },
      { key: 'c:2', type: 'string', value: { value: '{"a":2}', size: 7, truncated: false } },
      { key: 'c:missing', type: 'none', value: null },
      { key: 'c:hash', type: 'hash', value: null },
      { key: 'c:big', type: 'string', value: { value: 'x'.repeat(1_000), size: 200_000, truncated: true } },
      { key: 'c:empty', type: 'string', value: { value: '', size: 0, truncated: false } },
      { key: 'c:bin', type: 'string', value: { value: { base64: '//4=' }, size: 2, truncated: false } },
    ]);
    expect(decodeValue(items[6]!.value!.value).equals(Buffer.from([0xff, 0xfe]))).toBe(true);
    // Every value read by GETRANGE, cut to the preview (never fetched whole, not even by MGET).
    const stats = await admin.info('commandstats');
    expect(stats).not.toMatch(/cmdstat_mget:/);
    expect(stats).toMatch(/cmdstat_getrange:calls=7,/);
  });
});
