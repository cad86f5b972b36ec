import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/api/result';
import { createCore, type Core } from '../createCore';
import { countKeys, startStandalone, waitFor, type StandaloneServer } from '../localRedis/testSupport';

// A key or value command runs in the db it names, whatever the session switches to meanwhile
// (issue #11: a bulk delete followed by a db switch used to delete keys of both dbs).
let dataDir: string;
let core: Core;
let redis: StandaloneServer;
let admin: Redis;

const range = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i + 1));
const unwrap = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};

async function fill(db: number, keys: string[]): Promise<void> {
  await admin.select(db);
  for (let i = 0; i < keys.length; i += 5_000) await admin.mset(...keys.slice(i, i + 5_000).flatMap((k) => [k, 'v']));
}
async function count(db: number, pattern: string): Promise<number> {
  await admin.select(db);
  return countKeys(admin, pattern);
}
async function openSession(name: string): Promise<string> {
  const profile = unwrap(
    await core.invoke('profiles.create', {
      profile: { kind: 'standalone', name, host: '127.0.0.1', port: redis.port },
    }),
  );
  return unwrap(await core.invoke('sessions.open', { profileId: profile.id })).id;
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'redlens-dbpin-'));
  core = createCore({ version: '0.0.0-test', host: 'web', dataDir });
  redis = await startStandalone();
  admin = await redis.node.client();
}, 60_000);
afterAll(async () => {
  await core?.dispose();
  admin?.disconnect();
  await redis?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('every key operation runs in the db it names (real Redis)', () => {
  it.each([0, 1, 5])(
    'keys.delete of 10,000 keys then a switch to db 1 after %i ms deletes only in db 0',
    async (delay) => {
      const keys = range(10_000, (i) => `g${delay}:${i}`);
      await fill(0, keys);
      await fill(1, keys);
      const sessionId = await openSession(`delete-${delay}`);
      const deleting = core.invoke('keys.delete', { sessionId, db: 0, keys });
      if (delay) await sleep(delay);
      const switched = core.invoke('sessions.selectDb', { sessionId, db: 1 });
      expect(unwrap(await deleting)).toEqual({ deleted: 10_000 });
      unwrap(await switched);
      expect(await count(0, `g${delay}:*`)).toBe(0);
      expect(await count(1, `g${delay}:*`)).toBe(10_000);
    },
  );

  it('keys.deleteFolder keeps its db when the session switches 60 ms later', async () => {
    const keys = range(30_000, (i) => `f:${i}`);
    await fill(0, keys);
    await fill(1, keys);
    const sessionId = await openSession('folder');
    const job = unwrap(await core.invoke('keys.deleteFolder', { sessionId, db: 0, prefix: 'f:' }));
    expect(job.db).toBe(0);
    await sleep(60);
    unwrap(await core.invoke('sessions.selectDb', { sessionId, db: 1 }));
    await waitFor(async () => (await count(0, 'f:*')) === 0, { timeoutMs: 30_000, what: 'the folder gone from db 0' });
    expect(await count(1, 'f:*')).toBe(30_000);
  });

  it('keys.expire and value writes land in the db they name, not the one on screen', async () => {
    await fill(0, ['t:1']);
    await fill(2, ['t:1']);
    const sessionId = await openSession('expire');
    unwrap(await core.invoke('sessions.selectDb', { sessionId, db: 2 }));
    expect(unwrap(await core.invoke('keys.expire', { sessionId, db: 0, keys: ['t:1'], ttlMs: 60_000 }))).toEqual({
      updated: 1,
    });
    unwrap(await core.invoke('values.string.set', { sessionId, db: 0, key: 't:1', value: 'zero', expect: 'any' }));
    await admin.select(0);
    expect(await admin.pttl('t:1')).toBeGreaterThan(0);
    expect(await admin.get('t:1')).toBe('zero');
    await admin.select(2);
    expect(await admin.pttl('t:1')).toBe(-1);
    expect(await admin.get('t:1')).toBe('v');
  });

  it('index reads for a db the session no longer browses answer DB_CHANGED; a bad db is refused', async () => {
    const sessionId = await openSession('stale');
    unwrap(await core.invoke('keys.scan', { sessionId, db: 0 }));
    unwrap(await core.invoke('sessions.selectDb', { sessionId, db: 3 }));
    const stale = await core.invoke('keys.rows', { sessionId, db: 0, offset: 0, limit: 10 });
    expect(stale).toMatchObject({ ok: false, error: { code: 'DB_CHANGED', details: { db: 0, current: 3 } } });
    const missing = await core.invoke('sessions.selectDb', { sessionId, db: 99 });
    expect(missing).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const noSuchDb = await core.invoke('keys.delete', { sessionId, db: 99, keys: ['x'] });
    expect(noSuchDb).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('a connection that can no longer select its db is dropped, never used in db 0', async () => {
    await fill(0, ['lost:1']);
    await fill(7, ['lost:1']);
    const sessionId = await openSession('lost');
    unwrap(await core.invoke('keys.lookup', { sessionId, db: 7, key: 'lost:1' }));
    // The server comes back with fewer databases: db 7 no longer exists.
    await admin.select(0);
    appendFileSync(redis.node.confPath, '\ndatabases 4\n');
    await redis.node.restart();
    await waitFor(async () => (await admin.ping().catch(() => '')) === 'PONG', {
      timeoutMs: 15_000,
      what: 'the server back',
    });
    await fill(0, ['lost:1']);
    let result: Result<{ deleted: number }> | undefined;
    await waitFor(
      async () => {
        result = await core.invoke('keys.delete', { sessionId, db: 7, keys: ['lost:1'] });
        return !result.ok && result.error.code === 'VALIDATION_FAILED';
      },
      { timeoutMs: 15_000, what: 'db 7 refused after the restart' },
    );
    expect(await count(0, 'lost:*')).toBe(1);
  });
});
