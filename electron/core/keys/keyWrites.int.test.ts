import type Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyJobStatus, KeyRow } from '../../../shared/api/keys';
import { startStandalone, waitFor, type StandaloneServer } from '../localRedis/testSupport';
import { expectFailure, standaloneProfile } from '../sessions/testSupport/sessionTestbed';
import { decodeKey } from './keyBytes';
import { keyHandlers } from './keyHandlers';
import { keyTestbed } from './testSupport/keyTestbed';

// Rename, TTL changes and folder deletion against a real redis-server: 5,000 keys under `bulk:`
// (some nested), 50,000 under `big:`, and neighbours that must survive (`bulk`, `bulkx:1`).
let redis: StandaloneServer;
let admin: Redis;
const bed = keyTestbed();
const { service, sessions } = bed;

const BULK = 5_000;
const BIG = 50_000;
const b64 = (bytes: Buffer) => ({ base64: bytes.toString('base64') });

beforeAll(async () => {
  redis = await startStandalone();
  admin = await redis.node.client();
  const pipeline = admin.pipeline();
  for (let g = 0; g < BULK / 500; g++) {
    const args: string[] = [];
    for (let i = 0; i < 500; i++) args.push(g % 2 ? `bulk:${g}:${i}` : `bulk:${g * 500 + i}`, 'v');
    pipeline.mset(...args);
  }
  for (let g = 0; g < BIG / 1_000; g++) {
    const args: string[] = [];
    for (let i = 0; i < 1_000; i++) args.push(`big:${g}:${i}`, 'v');
    pipeline.mset(...args);
  }
  pipeline.mset('bulk', 'same letters, no delimiter', 'bulkx:1', 'neighbour', 'other:1', 'o', 'other:2', 'o');
  await pipeline.exec();
  const at = { host: '127.0.0.1', port: redis.port };
  bed.profiles.set('rw', standaloneProfile(at));
  bed.profiles.set('ro', standaloneProfile({ ...at, readOnly: true }));
}, 60_000);
afterAll(async () => {
  await bed.dispose();
  admin?.disconnect();
  await redis?.stop();
});

const open = async (profileId = 'rw') => (await sessions.open(profileId)).id;

/** Every key of the flat view, as 'latin1'. */
function indexedKeys(sessionId: string): string[] {
  const rows: KeyRow[] = [];
  for (let offset = 0; ; offset += 10_000) {
    const page = service.rows(sessionId, 0, offset, 10_000, 'flat');
    rows.push(...page.rows);
    if (offset + 10_000 >= page.total) break;
  }
  return rows.flatMap((r) => (r.kind === 'key' ? [decodeKey(r.key).toString('latin1')] : []));
}
const topFolders = (sessionId: string) =>
  service
    .rows(sessionId, 0, 0, 1_000, 'tree')
    .rows.flatMap((r) => (r.kind === 'folder' ? [[decodeKey(r.prefix).toString('latin1'), r.count] as const] : []));

async function scanned(match?: string): Promise<string> {
  const id = await open();
  await service.scan(id, 0, match === undefined ? {} : { match });
  await service.settled(id);
  return id;
}

const finalOf = (jobId: string, timeoutMs = 30_000) =>
  waitFor(async () => bed.jobEventsOf(jobId).find((e) => e.state !== 'running'), {
    timeoutMs,
    what: `the final event of job ${jobId}`,
  });

describe('key writes (real Redis)', () => {
  it('renames a key and moves it in the index', async () => {
    await admin.set('rn:a', '1', 'PX', 60_000);
    const id = await scanned('rn:*');
    await service.meta(id, 0, ['rn:a']);
    const before = bed.eventsOf(id).length;
    expect(await service.rename(id, 0, 'rn:a', 'rn:sub:b', false)).toEqual({ key: 'rn:sub:b' });
    expect(await admin.exists('rn:a')).toBe(0);
    expect(await admin.get('rn:sub:b')).toBe('1');
    expect(indexedKeys(id)).toEqual(['rn:sub:b']);
    expect(topFolders(id)).toEqual([['rn:', 1]]);
    expect(service.status(id, 0).keys).toBe(1);
    const [meta] = await service.meta(id, 0, ['rn:sub:b']);
    expect(meta!.ttlMs).toBeGreaterThan(50_000);
    await waitFor(
      async () =>
        bed
          .eventsOf(id)
          .slice(before)
          .some((e) => e.rowsChanged),
      { timeoutMs: 2_000, what: 'a rows-changed event' },
    );

    // Plain RENAME overwrites.
    await admin.set('rn:c', 'c');
    expect(await service.rename(id, 0, 'rn:sub:b', 'rn:c', false)).toEqual({ key: 'rn:c' });
    expect(await admin.get('rn:c')).toBe('1');
    await sessions.close(id);
  });

  it('a key renamed out of the search leaves the list; renamed back into it, it joins again', async () => {
    await admin.mset('rs:a', '1', 'rs:b', '2');
    const id = await scanned('rs:*');
    expect(await service.rename(id, 0, 'rs:a', 'elsewhere:a', true)).toEqual({ key: 'elsewhere:a' });
    expect(indexedKeys(id)).toEqual(['rs:b']);
    expect(service.status(id, 0).keys).toBe(1);
    expect(await service.rename(id, 0, 'elsewhere:a', 'rs:c', true)).toEqual({ key: 'rs:c' });
    expect(indexedKeys(id).sort()).toEqual(['rs:b', 'rs:c']);
    expect(service.status(id, 0).keys).toBe(2);
    await sessions.close(id);
  });

  it('refuses to overwrite with onlyIfFree (KEY_EXISTS); a missing source is NOT_FOUND', async () => {
    await admin.mset('nx:a', 'a', 'nx:b', 'b');
    const id = await scanned('nx:*');
    const failure = await expectFailure(service.rename(id, 0, 'nx:a', 'nx:b', true), 'KEY_EXISTS');
    expect(failure.message).toBe('A key named "nx:b" already exists; nothing was renamed.');
    expect(await admin.mget('nx:a', 'nx:b')).toEqual(['a', 'b']);
    expect(indexedKeys(id).sort()).toEqual(['nx:a', 'nx:b']);

    expect(await service.rename(id, 0, 'nx:a', 'nx:c', true)).toEqual({ key: 'nx:c' });
    expect(await admin.mget('nx:a', 'nx:c')).toEqual([null, 'a']);

    await admin.del('nx:b');
    const gone = await expectFailure(service.rename(id, 0, 'nx:b', 'nx:d', true), 'NOT_FOUND');
    expect(gone.message).toBe('The key "nx:b" no longer exists (deleted or expired).');
    await expectFailure(service.rename(id, 0, 'nx:b', 'nx:d', false), 'NOT_FOUND');
    expect(await admin.exists('nx:d')).toBe(0);
    expect(indexedKeys(id)).toEqual(['nx:c']);
    await sessions.close(id);
  });

  it('renames binary key names byte for byte', async () => {
    const from = Buffer.concat([Buffer.from('binr:'), Buffer.from([0xff, 0x00, 0x01])]);
    const to = Buffer.concat([Buffer.from('binr:'), Buffer.from([0xfe, 0x3a, 0x80])]);
    await admin.set(from, 'bin');
    const id = await scanned('binr:*');
    expect(indexedKeys(id)).toEqual([from.toString('latin1')]);
    expect(await service.rename(id, 0, b64(from), b64(to), true)).toEqual({ key: b64(to) });
    expect(await admin.exists(from)).toBe(0);
    expect(await admin.get(to)).toBe('bin');
    expect(indexedKeys(id)).toEqual([to.toString('latin1')]);
    await admin.set(from, 'again');
    const failure = await expectFailure(service.rename(id, 0, b64(from), b64(to), true), 'KEY_EXISTS');
    expect(failure.message).toBe('A key named "binr:\\xfe:\\x80" already exists; nothing was renamed.');
    await admin.del(from, to);
    await sessions.close(id);
  });

  it('sets and removes TTLs in one pipeline; the next meta shows the new TTL', async () => {
    await admin.mset('ttl:1', 'a', 'ttl:2', 'b');
    const id = await scanned('ttl:*');
    expect((await service.meta(id, 0, ['ttl:1', 'ttl:2'])).map((m) => m.ttlMs)).toEqual([-1, -1]);

    expect(await service.expire(id, 0, ['ttl:1', 'ttl:2', 'ttl:missing'], 90_000)).toEqual({ updated: 2 });
    for (const key of ['ttl:1', 'ttl:2']) {
      const pttl = await admin.pttl(key);
      expect(pttl).toBeGreaterThan(80_000);
      expect(pttl).toBeLessThanOrEqual(90_000);
    }
    const meta = await service.meta(id, 0, ['ttl:1', 'ttl:2']);
    expect(meta.every((m) => m.ttlMs > 80_000)).toBe(true);

    expect(await service.expire(id, 0, ['ttl:1', 'ttl:2', 'ttl:missing'], null)).toEqual({ updated: 2 });
    expect(await admin.pttl('ttl:1')).toBe(-1);
    expect(await admin.pttl('ttl:2')).toBe(-1);
    expect((await service.meta(id, 0, ['ttl:1', 'ttl:2'])).map((m) => m.ttlMs)).toEqual([-1, -1]);
    expect(await service.expire(id, 0, ['ttl:1'], null)).toEqual({ updated: 0 });
    await sessions.close(id);
  });

  it('refuses rename, expire and folder deletion on read-only sessions', async () => {
    await admin.set('ro:a', 'a');
    const ro = await open('ro');
    await expectFailure(service.rename(ro, 0, 'ro:a', 'ro:b', true), 'READ_ONLY');
    await expectFailure(service.expire(ro, 0, ['ro:a'], 1_000), 'READ_ONLY');
    await expectFailure(
      Promise.resolve().then(() => service.deleteFolder(ro, 0, 'ro:')),
      'READ_ONLY',
    );
    expect(await admin.get('ro:a')).toBe('a');
    expect(await admin.pttl('ro:a')).toBe(-1);
    expect(await admin.exists('ro:b')).toBe(0);
    await sessions.close(ro);
  });

  it('deletes a folder of 5,000 keys as a job, leaving neighbours alone', async () => {
    const id = await scanned();
    expect(topFolders(id)).toContainEqual(['bulk:', BULK]);
    const keysBefore = service.status(id, 0).keys;

    const started = service.deleteFolder(id, 0, 'bulk:');
    expect(started).toMatchObject({ sessionId: id, kind: 'deleteFolder', prefix: 'bulk:', state: 'running' });
    expect(started).toMatchObject({ deleted: 0, expected: BULK });
    expect(started.jobId).toMatch(/^[\w-]{8,}$/);

    const final = await finalOf(started.jobId);
    expect(final).toMatchObject({ state: 'done', deleted: BULK, expected: BULK });
    const events = bed.jobEventsOf(started.jobId);
    expect(events.at(-1)).toEqual(final);
    expect(events.some((e) => e.state === 'running' && e.deleted > 0 && e.deleted < BULK)).toBe(true);
    const elapsed = final.at - started.at;
    expect(events.length).toBeLessThanOrEqual(elapsed / 100 + 3);
    expect(events.map((e) => e.deleted)).toEqual(events.map((e) => e.deleted).sort((a, b) => a - b));

    expect(await admin.keys('bulk:*')).toEqual([]);
    expect(await admin.mget('bulk', 'bulkx:1', 'other:1')).toEqual(['same letters, no delimiter', 'neighbour', 'o']);
    expect(await admin.exists('big:0:0')).toBe(1);
    expect(topFolders(id).map(([prefix]) => prefix)).not.toContain('bulk:');
    expect(service.status(id, 0).keys).toBe(keysBefore - BULK);
    expect(indexedKeys(id)).toEqual(expect.arrayContaining(['bulk', 'bulkx:1', 'other:1']));
    expect(service.cancelJob(id, started.jobId).state).toBe('done');
    expect(() => service.cancelJob(id, 'no-such-job')).toThrow(/not known/);
    await sessions.close(id);
  });

  it('cancels a folder deletion midway; closing the session cancels its jobs', async () => {
    const id = await scanned('big:*');
    let cancelled: KeyJobStatus | undefined;
    const stop = bed.events.on('keys.job', (status) => {
      if (status.sessionId === id && status.state === 'running' && !cancelled) {
        cancelled = service.cancelJob(id, status.jobId);
      }
    });
    const started = service.deleteFolder(id, 0, 'big:');
    expect(started.expected).toBe(BIG);
    const final = await finalOf(started.jobId);
    stop();
    expect(cancelled?.state).toBe('cancelled');
    expect(final.state).toBe('cancelled');
    expect(final.deleted).toBeGreaterThan(0);
    expect(final.deleted).toBeLessThan(BIG);
    await service.settled(id);
    expect(bed.jobEventsOf(started.jobId).at(-1)).toEqual(final);
    const left = (await admin.keys('big:*')).length;
    expect(left).toBe(BIG - final.deleted);
    expect(service.status(id, 0).keys).toBe(left);

    // A job still running when its session closes stops there.
    const second = service.deleteFolder(id, 0, 'big:');
    await sessions.close(id);
    const closed = await finalOf(second.jobId);
    expect(closed.state).toBe('cancelled');
    expect((await admin.keys('big:*')).length).toBeGreaterThan(0);
  });

  it('serves the four handlers', async () => {
    const handlers = keyHandlers(service);
    await admin.mset('hd:a', 'a', 'hd:f:1', '1', 'hd:f:2', '2');
    const id = await scanned('hd:*');
    expect(
      await handlers['keys.rename']({ sessionId: id, db: 0, key: 'hd:a', newKey: 'hd:b', onlyIfFree: true }),
    ).toEqual({
      key: 'hd:b',
    });
    expect(await handlers['keys.expire']({ sessionId: id, db: 0, keys: ['hd:b'], ttlMs: 5_000 })).toEqual({
      updated: 1,
    });
    const job = await handlers['keys.deleteFolder']({ sessionId: id, db: 0, prefix: 'hd:f:' });
    expect(job.expected).toBe(2);
    expect((await finalOf(job.jobId)).state).toBe('done');
    expect(indexedKeys(id)).toEqual(['hd:b']);
    expect((await handlers['keys.cancelJob']({ sessionId: id, jobId: job.jobId })).state).toBe('done');
    await expectFailure(handlers['keys.cancelJob']({ sessionId: id, jobId: 'nope' }), 'NOT_FOUND');
    await sessions.close(id);
  });
});
