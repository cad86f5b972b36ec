import type Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ValuePreview } from '../../../shared/api/values';
import { startStandalone, waitFor, type StandaloneServer } from '../localRedis/testSupport';
import { standaloneProfile } from '../sessions/testSupport/sessionTestbed';
import { FALLBACK_BATCH, MAX_ENTRY_FIELDS, PAGE_READ_BUDGET } from './pageBudget';
import { sentByRedis, useValueServer } from './testSupport/valueTestServer';

// Collection pages of big elements: previews are cut by Redis (a page script) so a page sends
// previews, not elements; where scripting is refused a page reads at most its budget plus one
// batch. Either way it stops early, and paging on still shows every element.
let redis: StandaloneServer;
let admin: Redis;
let sessionId: string;
let noLua: string;

const ELEMENT = 512 * 1024;
const N = 40;
const KB = 1024;
const MB = 1024 * KB;

/** The file's data: N elements of ELEMENT bytes in each collection type. */
async function seed(admin: Redis) {
  const elements = Array.from({ length: N }, (_, i) =>
    Buffer.concat([Buffer.from(`${i}:`.padStart(4, '0')), randomBytes(ELEMENT - 4)]),
  );
  for (const [i, element] of elements.entries()) {
    await admin.rpush('list', element);
    await admin.sadd('set', element);
    await admin.zadd('zset', i, element);
    await admin.hset('hash', `f${i}`, element);
    await admin.xadd('stream', `${i + 1}-0`, 'v', element);
  }
}
const bed = useValueServer(
  { seed, noLua: true, timeoutMs: 120_000 },
  (server) => ({ redis, admin, sessionId, noLua } = server),
);
const { call } = bed;

/** A page: its elements' previews, and where the next page starts (undefined at the end). */
type Page = { previews: ValuePreview[]; next: string | number | undefined };
type Reader = (session: string, from: string | number | undefined) => Promise<Page>;

const byIndex = (length: number, start: number, got: number) => (start + got < length ? start + got : undefined);
const byCursor = (cursor: string) => (cursor === '0' ? undefined : cursor);
const page = { count: 200, previewBytes: KB };

const READERS: [string, Reader][] = [
  [
    'list',
    async (sessionId, from = 0) => {
      const p = await call('values.list.range', { sessionId, key: 'list', start: Number(from), ...page });
      return { previews: p.items, next: byIndex(p.length, p.start, p.items.length) };
    },
  ],
  [
    'sorted set by rank',
    async (sessionId, from = 0) => {
      const p = await call('values.zset.range', { sessionId, key: 'zset', start: Number(from), ...page });
      return { previews: p.members.map((m) => m.member), next: byIndex(p.length, p.start, p.members.length) };
    },
  ],
  [
    'stream',
    async (sessionId, after) => {
      const p = await call('values.stream.range', { sessionId, key: 'stream', after: after as string, ...page });
      return { previews: p.entries.map((e) => e.fields[0]!.value), next: p.next };
    },
  ],
  [
    'set',
    async (sessionId, cursor = '0') => {
      const p = await call('values.set.scan', { sessionId, key: 'set', cursor: String(cursor), ...page });
      return { previews: p.members, next: byCursor(p.cursor) };
    },
  ],
  [
    'sorted set, filtered',
    async (sessionId, cursor = '0') => {
      const p = await call('values.zset.scan', { sessionId, key: 'zset', cursor: String(cursor), match: '*', ...page });
      return { previews: p.members.map((m) => m.member), next: byCursor(p.cursor) };
    },
  ],
  [
    'hash',
    async (sessionId, cursor = '0') => {
      const p = await call('values.hash.scan', { sessionId, key: 'hash', cursor: String(cursor), ...page });
      return { previews: p.entries.map((e) => e.value), next: byCursor(p.cursor) };
    },
  ],
];

describe.each([
  ['scripting', () => sessionId, 64 * KB],
  ['no scripting', () => noLua, PAGE_READ_BUDGET + FALLBACK_BATCH * ELEMENT + 64 * KB],
])('%s: 40 elements of 512 KB', (_, session, mostSent) => {
  it.each(READERS)(
    '%s: a page sends a bounded amount and stops early; paging on shows every element',
    async (__, read) => {
      const before = await sentByRedis(admin);
      const first = await read(session(), undefined);
      expect((await sentByRedis(admin)) - before).toBeLessThan(mostSent);
      expect(first.previews.length).toBeGreaterThan(0);
      expect(first.previews.length).toBeLessThan(N);
      expect(first.next).toBeDefined();

      const seen = new Set<string>();
      for (let p = first; ; p = await read(session(), p.next)) {
        for (const preview of p.previews) {
          expect(preview).toMatchObject({ size: ELEMENT, truncated: true });
          expect(Buffer.from((preview.value as { base64: string }).base64 ?? '', 'base64').length).toBeLessThanOrEqual(
            KB,
          );
          seen.add(JSON.stringify(preview.value));
        }
        if (p.next === undefined) break;
      }
      expect(seen.size).toBe(N);
    },
  );
});

describe('bounds of a page', () => {
  it('a stream entry with very many fields shows the first ones and says how many more', async () => {
    const fields = Array.from({ length: MAX_ENTRY_FIELDS + 500 }, (_, i) => [`f${i}`, 'v']).flat();
    await admin.xadd('wide', '1-0', ...fields);
    for (const session of [sessionId, noLua]) {
      const p = await call('values.stream.range', { sessionId: session, key: 'wide' });
      expect(p.entries[0]!.fields).toHaveLength(MAX_ENTRY_FIELDS);
      expect(p.entries[0]!.moreFields).toBe(500);
    }
  });

  it('previews of 10,000 elements of 64 KB stop at the preview budget', async () => {
    const big = Array.from({ length: 200 }, (_, i) => Buffer.alloc(64 * KB, i));
    await admin.rpush('wide-list', ...big);
    const p = await call('values.list.range', {
      sessionId,
      key: 'wide-list',
      start: 0,
      count: 10_000,
      previewBytes: 65_536,
    });
    expect(p.items.length).toBeGreaterThan(0);
    expect(p.items.length).toBeLessThan(200);
    expect(JSON.stringify(p).length).toBeLessThan(30 * MB);
  });

  it('the page scripts run on a read-only replica', async () => {
    const replica = await startStandalone();
    const replicaAdmin = await replica.node.client();
    try {
      await replicaAdmin.call('REPLICAOF', '127.0.0.1', String(redis.port));
      await waitFor(async () => (await replicaAdmin.exists('list')) === 1, {
        timeoutMs: 30_000,
        what: 'replica synced',
      });
      bed.profiles.set('replica', standaloneProfile({ host: '127.0.0.1', port: replica.port }));
      const onReplica = (await bed.sessions.open('replica')).id;
      expect(
        (await call('values.list.range', { sessionId: onReplica, key: 'list', start: 0 })).items.length,
      ).toBeGreaterThan(0);
      expect((await call('values.hash.scan', { sessionId: onReplica, key: 'hash' })).entries.length).toBeGreaterThan(0);
      const field = await call('values.hash.getField', { sessionId: onReplica, key: 'hash', field: 'f1' });
      expect(field).toMatchObject({ size: ELEMENT, partial: false });
      await bed.sessions.close(onReplica);
    } finally {
      replicaAdmin.disconnect();
      await replica.stop();
    }
  });
});
