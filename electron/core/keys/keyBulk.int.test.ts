import type Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../../shared/api/methods';
import type { KeyRow } from '../../../shared/api/keys';
import { countKeys, startStandalone, waitFor, type StandaloneServer } from '../localRedis/testSupport';
import { standaloneProfile } from '../sessions/testSupport/sessionTestbed';
import { decodeKey } from './keyBytes';
import { keyTestbed } from './testSupport/keyTestbed';

// What the UI's bulk actions rely on, against a real redis-server: a folder of 50,000 keys
// deleted completely (including one whose prefix is full of glob characters), `keys.delete` and
// `keys.expire` at their 10,000-key maximum, and `keys.rows` windows that agree with each other
// whatever the page size (a selection is read from them page by page).
let redis: StandaloneServer;
let admin: Redis;
const bed = keyTestbed();
const { service, sessions } = bed;

const FIFTY = 50_000;
const TRICKY = 'g[1]*?\\:';

async function mset(keys: string[]): Promise<void> {
  for (let i = 0; i < keys.length; i += 5_000) {
    await admin.mset(...keys.slice(i, i + 5_000).flatMap((k) => [k, 'v']));
  }
}
const range = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i));

beforeAll(async () => {
  redis = await startStandalone();
  admin = await redis.node.client();
  await mset(range(FIFTY, (i) => (i % 3 ? `fifty:${i}` : `fifty:${i % 100}:${i}`)));
  await mset(['fifty', 'fiftyx:1', 'fifty-1']);
  await mset(range(300, (i) => `${TRICKY}${i}`));
  await mset(['g1:1', 'g[1]*?\\x:1', 'gx:1']);
  await mset(range(12_000, (i) => `batch:${i}`));
  bed.profiles.set('rw', standaloneProfile({ host: '127.0.0.1', port: redis.port }));
}, 60_000);
afterAll(async () => {
  await bed.dispose();
  admin?.disconnect();
  await redis?.stop();
});

async function scanned(match?: string): Promise<string> {
  const id = (await sessions.open('rw')).id;
  await service.scan(id, 0, match === undefined ? {} : { match });
  await service.settled(id);
  return id;
}

const finalOf = (jobId: string) =>
  waitFor(async () => bed.jobEventsOf(jobId).find((e) => e.state !== 'running'), {
    timeoutMs: 60_000,
    what: `the end of job ${jobId}`,
  });

const folderPrefixes = (sessionId: string) =>
  service
    .rows(sessionId, 0, 0, 5_000, 'tree')
    .rows.flatMap((r) => (r.kind === 'folder' ? [decodeKey(r.prefix).toString('latin1')] : []));

describe('bulk key operations (real Redis)', () => {
  it('deletes a folder of 50,000 keys completely, neighbours untouched', async () => {
    const id = await scanned();
    const before = service.status(id, 0).keys;
    const job = service.deleteFolder(id, 0, 'fifty:');
    expect(job.expected).toBe(FIFTY);
    const end = await finalOf(job.jobId);
    expect(end).toMatchObject({ state: 'done', deleted: FIFTY });
    expect(await countKeys(admin, 'fifty:*')).toBe(0);
    expect(await admin.mget('fifty', 'fiftyx:1', 'fifty-1')).toEqual(['v', 'v', 'v']);
    expect(service.status(id, 0).keys).toBe(before - FIFTY);
    expect(folderPrefixes(id)).not.toContain('fifty:');
    expect(folderPrefixes(id)).toContain('fiftyx:');
    await sessions.close(id);
  }, 90_000);

  it('deletes a folder whose prefix is full of glob characters, and only it', async () => {
    const id = await scanned('g*');
    expect(folderPrefixes(id)).toContain(TRICKY);
    const end = await finalOf(service.deleteFolder(id, 0, TRICKY).jobId);
    expect(end).toMatchObject({ state: 'done', deleted: 300 });
    expect(await countKeys(admin, 'g*')).toBe(3);
    expect(await admin.mget('g1:1', 'g[1]*?\\x:1', 'gx:1')).toEqual(['v', 'v', 'v']);
    await sessions.close(id);
  });

  it('takes 10,000 keys per delete / expire call (the API limit), updating the index', async () => {
    const keys = range(10_000, (i) => `batch:${i}`);
    const schema = API['keys.delete'].input;
    expect(schema.safeParse({ sessionId: 's', db: 0, keys }).success).toBe(true);
    expect(schema.safeParse({ sessionId: 's', db: 0, keys: [...keys, 'one:more'] }).success).toBe(false);
    expect(API['keys.expire'].input.safeParse({ sessionId: 's', db: 0, keys, ttlMs: 1_000 }).success).toBe(true);

    const id = await scanned('batch:*');
    expect(await service.expire(id, 0, keys, 600_000)).toEqual({ updated: 10_000 });
    expect(await admin.pttl('batch:9999')).toBeGreaterThan(500_000);
    expect(await admin.pttl('batch:10000')).toBe(-1);
    expect(await service.delete(id, 0, keys)).toEqual({ deleted: 10_000 });
    expect(await countKeys(admin, 'batch:*')).toBe(2_000);
    expect(service.status(id, 0).keys).toBe(2_000);
    expect(await service.delete(id, 0, keys.slice(0, 5))).toEqual({ deleted: 0 });
    await sessions.close(id);
  });

  it('serves the same rows whatever the window size, so a selection reads back consistently', async () => {
    const id = await scanned();
    for (const prefix of ['fiftyx:', 'batch:', 'g1:']) service.expand(id, 0, prefix, true);
    const read = (size: number): KeyRow[] => {
      const rows: KeyRow[] = [];
      for (let offset = 0; ; offset += size) {
        const page = service.rows(id, 0, offset, size, 'tree');
        rows.push(...page.rows);
        if (offset + size >= page.total) return rows;
      }
    };
    const big = read(5_000);
    expect(big.length).toBe(service.rows(id, 0, 0, 1, 'tree').total);
    expect(read(137)).toEqual(big);
    expect(service.rows(id, 0, 1_234, 5_000, 'tree').rows).toEqual(big.slice(1_234, 6_234));
    await sessions.close(id);
  });
});
