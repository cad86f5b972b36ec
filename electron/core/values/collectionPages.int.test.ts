import type Redis from 'ioredis';
import { describe, expect, it } from 'vitest';
import { expectFailure } from '../sessions/testSupport/sessionTestbed';
import { useValueServer } from './testSupport/valueTestServer';

// Header, memory and the read-only viewers (list, set, sorted set, stream), paged, against a
// real redis-server.
let admin: Redis;
let sessionId: string;
const N = 5_000;

/** The file's data: N items in a list, a set, a sorted set (and two infinite scores) and a stream. */
async function seed(admin: Redis) {
  const items = Array.from({ length: N }, (_, i) => `item${i}`);
  await admin.rpush('list', ...items);
  await admin.sadd('set', ...items);
  await admin.zadd('zset', ...items.flatMap((item, i) => [String(i / 2), item]));
  await admin.zadd('zset', 'inf', 'top', '-inf', 'bottom');
  const pipeline = admin.pipeline();
  for (let i = 1; i <= N; i++) pipeline.xadd('stream', `${i}-0`, 'n', String(i), 'bin', Buffer.from([0xff, i % 256]));
  await pipeline.exec();
}
const { call } = useValueServer({ seed, timeoutMs: 60_000 }, (server) => ({ admin, sessionId } = server));

describe('values.header and values.memory', () => {
  it('reads type, size, TTL and encoding of each type in one call', async () => {
    await admin.set('s', 'hello', 'EX', 100);
    await admin.hset('h', 'a', '1', 'b', '2');
    const cases = [
      ['s', 'string', 5],
      ['h', 'hash', 2],
      ['list', 'list', N],
      ['set', 'set', N],
      ['zset', 'zset', N + 2],
      ['stream', 'stream', N],
    ] as const;
    for (const [key, type, size] of cases) {
      const header = await call('values.header', { sessionId, key });
      expect(header).toMatchObject({ key, type, size });
      expect(typeof header.encoding).toBe('string');
    }
    expect((await call('values.header', { sessionId, key: 's' })).ttlMs).toBeGreaterThan(90_000);
    expect((await call('values.header', { sessionId, key: 'h' })).ttlMs).toBe(-1);
  });

  it('a missing key is NOT_FOUND; memory usage is read on demand', async () => {
    const failure = await expectFailure(call('values.header', { sessionId, key: 'missing' }), 'NOT_FOUND');
    expect(failure.message).toBe('The key "missing" no longer exists (deleted or expired).');
    expect((await call('values.memory', { sessionId, key: 'list' })).bytes).toBeGreaterThan(N);
    await expectFailure(call('values.memory', { sessionId, key: 'missing' }), 'NOT_FOUND');
  });
});

describe('viewers', () => {
  it('list: LRANGE pages in order, with the length', async () => {
    const seen: string[] = [];
    for (let start = 0; start < N; start += 700) {
      const page = await call('values.list.range', { sessionId, key: 'list', start, count: 700 });
      expect(page.length).toBe(N);
      seen.push(...page.items.map((i) => i.value as string));
    }
    expect(seen).toEqual(Array.from({ length: N }, (_, i) => `item${i}`));
    expect((await call('values.list.range', { sessionId, key: 'list', start: N, count: 10 })).items).toEqual([]);
  });

  it('set: SSCAN pages cover every member', async () => {
    const seen = new Set<string>();
    let cursor = '0';
    do {
      const page = await call('values.set.scan', { sessionId, key: 'set', cursor, count: 300 });
      expect(page.length).toBe(N);
      for (const m of page.members) seen.add(m.value as string);
      cursor = page.cursor;
    } while (cursor !== '0');
    expect(seen.size).toBe(N);
  });

  it('sorted set: by rank with scores as Redis prints them, both directions, and ZSCAN with MATCH', async () => {
    const first = await call('values.zset.range', { sessionId, key: 'zset', start: 0, count: 3 });
    expect(first.members).toEqual([
      { member: { value: 'bottom', size: 6, truncated: false }, score: '-inf' },
      { member: { value: 'item0', size: 5, truncated: false }, score: '0' },
      { member: { value: 'item1', size: 5, truncated: false }, score: '0.5' },
    ]);
    const top = await call('values.zset.range', { sessionId, key: 'zset', start: 0, count: 2, reverse: true });
    expect(top.members.map((m) => [m.member.value, m.score])).toEqual([
      ['top', 'inf'],
      ['item4999', '2499.5'],
    ]);
    let count = 0;
    for (let start = 0; start < N + 2; start += 1_000) {
      count += (await call('values.zset.range', { sessionId, key: 'zset', start, count: 1_000 })).members.length;
    }
    expect(count).toBe(N + 2);
    const matched = new Set<string>();
    let cursor = '0';
    do {
      const page = await call('values.zset.scan', { sessionId, key: 'zset', cursor, match: 'item12?', count: 500 });
      for (const m of page.members) matched.add(`${m.member.value as string}=${m.score}`);
      cursor = page.cursor;
    } while (cursor !== '0');
    expect([...matched].sort()).toEqual(Array.from({ length: 10 }, (_, i) => `item12${i}=${(120 + i) / 2}`).sort());
  });

  it('stream: XRANGE pages after the last id, XREVRANGE backwards, binary values intact', async () => {
    const ids: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await call('values.stream.range', { sessionId, key: 'stream', count: 1_500, after });
      expect(page.length).toBe(N);
      ids.push(...page.entries.map((e) => e.id));
      if (!page.next) break;
      after = page.next;
    }
    expect(ids).toEqual(Array.from({ length: N }, (_, i) => `${i + 1}-0`));
    const last = await call('values.stream.range', { sessionId, key: 'stream', count: 2, reverse: true });
    expect(last.entries.map((e) => e.id)).toEqual(['5000-0', '4999-0']);
    expect(last.entries[0]!.fields).toEqual([
      { field: { value: 'n', size: 1, truncated: false }, value: { value: '5000', size: 4, truncated: false } },
      {
        field: { value: 'bin', size: 3, truncated: false },
        value: { value: { base64: '/4g=' }, size: 2, truncated: false },
      },
    ]);
    const back = await call('values.stream.range', {
      sessionId,
      key: 'stream',
      count: 2,
      reverse: true,
      after: last.next,
    });
    expect(back.entries.map((e) => e.id)).toEqual(['4998-0', '4997-0']);
    // Past the largest id (or before 0-0 going back) there is nothing: an empty page, not the
    // refusal Redis gives an exclusive start there.
    const max = '18446744073709551615-18446744073709551615';
    const beyond = await call('values.stream.range', { sessionId, key: 'stream', after: max });
    expect(beyond).toEqual({ length: N, entries: [] });
    const before = await call('values.stream.range', { sessionId, key: 'stream', after: '0-0', reverse: true });
    expect(before).toEqual({ length: N, entries: [] });
  });

  it('a viewer on a key of another type says what it is now', async () => {
    const failure = await expectFailure(call('values.list.range', { sessionId, key: 'set', start: 0 }), 'WRONGTYPE');
    expect(failure.details).toEqual({ type: 'set' });
    await expectFailure(call('values.stream.range', { sessionId, key: 'missing' }), 'NOT_FOUND');
  });
});
