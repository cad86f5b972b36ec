import type Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyRow } from '../../../shared/api/keys';
import { startStandalone, waitFor, type StandaloneServer } from '../localRedis/testSupport';
import { expectFailure, standaloneProfile } from '../sessions/testSupport/sessionTestbed';
import { decodeKey } from './keyBytes';
import { keyHandlers } from './keyHandlers';
import { keyTestbed } from './testSupport/keyTestbed';

// The key service against a real redis-server: ~20,000 keys in db 0 (text and binary names,
// strings and hashes), a few in db 1, and a second server whose SCAN command is renamed away.
let redis: StandaloneServer;
let noScan: StandaloneServer;
let admin: Redis;
const bed = keyTestbed();
const { service, sessions } = bed;
const loaded = new Set<string>(); // every key of db 0, as 'latin1'

const binaryKey = (i: number) =>
  Buffer.concat([Buffer.from([0xff, 0x00]), Buffer.from(`bin:${i}`), Buffer.from([0x80 + (i % 64)])]);

beforeAll(async () => {
  [redis, noScan] = await Promise.all([
    startStandalone(),
    startStandalone({ extraConfig: ['rename-command SCAN ""'] }),
  ]);
  admin = await redis.node.client();
  const pipeline = admin.pipeline();
  const put = (key: Buffer | string) => loaded.add(Buffer.from(key).toString('latin1'));
  for (let g = 0; g < 20; g++) {
    const args: string[] = [];
    for (let id = 0; id < 900; id++) args.push(`user:${g}:${id}`, 'v');
    pipeline.mset(...args);
    for (let i = 0; i < args.length; i += 2) put(args[i]!);
  }
  pipeline.set('user:1', 'also a folder');
  put('user:1');
  for (let i = 0; i < 1_000; i++) {
    pipeline.hset(`h:${i}`, 'f', 'v');
    put(`h:${i}`);
    pipeline.set(binaryKey(i), 'b');
    put(binaryKey(i));
  }
  pipeline.select(1);
  for (let i = 0; i < 50; i++) pipeline.set(`db1:${i}`, 'x');
  pipeline.select(0);
  await pipeline.exec();
  const at = { host: '127.0.0.1', port: redis.port };
  bed.profiles.set('rw', standaloneProfile(at));
  bed.profiles.set('slow', standaloneProfile({ ...at, scanCount: 10 }));
  bed.profiles.set('ro', standaloneProfile({ ...at, readOnly: true }));
  bed.profiles.set('noscan', standaloneProfile({ host: '127.0.0.1', port: noScan.port }));
});
afterAll(async () => {
  await bed.dispose();
  admin?.disconnect();
  await Promise.all([redis?.stop(), noScan?.stop()]);
});

const open = async (profileId = 'rw') => (await sessions.open(profileId)).id;

/** Every row of a view, page by page. */
function allRows(sessionId: string, view: 'tree' | 'flat'): KeyRow[] {
  const rows: KeyRow[] = [];
  for (let offset = 0; ; offset += 5_000) {
    const page = service.rows(sessionId, sessions.view(sessionId).db, offset, 5_000, view);
    rows.push(...page.rows);
    if (offset + 5_000 >= page.total) return rows;
  }
}
const keysOf = (rows: KeyRow[]) => rows.flatMap((r) => (r.kind === 'key' ? [decodeKey(r.key).toString('latin1')] : []));
const folderRow = (sessionId: string, prefix: string) =>
  allRows(sessionId, 'tree').find((r) => r.kind === 'folder' && r.prefix === prefix) as
    Extract<KeyRow, { kind: 'folder' }> | undefined;

describe('key service (real Redis)', () => {
  it('scans every key exactly once, binary names included, with progress events', async () => {
    const id = await open();
    const first = await service.scan(id, 0, {});
    expect(first.dbSize).toBe(loaded.size);
    await service.settled(id);
    const status = service.status(id, 0);
    expect(status).toMatchObject({ state: 'complete', keys: loaded.size, dbSize: loaded.size });
    expect(status.calls).toBeGreaterThan(1);
    const listed = keysOf(allRows(id, 'flat'));
    expect(listed.length).toBe(loaded.size);
    expect(new Set(listed)).toEqual(loaded);

    const events = bed.eventsOf(id);
    expect(events[0]!.status.state).toBe('scanning');
    expect(events.at(-1)!.status).toMatchObject({ state: 'complete', keys: loaded.size });
    expect(events.length).toBeLessThanOrEqual(status.calls + 2);
    expect(events.map((e) => e.at)).toEqual(events.map((e) => e.at).sort((a, b) => a - b));

    // The tree: top-level folders with counts; a binary folder keeps its bytes.
    const top = service.rows(id, 0, 0, 100, 'tree').rows;
    expect(top.map((r) => (r.kind === 'folder' ? [decodeKey(r.prefix).toString('latin1'), r.count] : r.name))).toEqual([
      ['h:', 1_000],
      ['user:', 18_001],
      ['\xff\x00bin:', 1_000],
    ]);
    expect(top[2]).toMatchObject({ prefix: { base64: Buffer.from('\xff\x00bin:', 'latin1').toString('base64') } });
    await sessions.close(id);
  });

  it('applies MATCH and TYPE filters', async () => {
    const id = await open();
    await service.scan(id, 0, { match: 'user:1?:*' });
    await service.settled(id);
    expect(service.status(id, 0)).toMatchObject({ state: 'complete', keys: 9_000, match: 'user:1?:*' });
    await service.scan(id, 0, { type: 'hash' });
    await service.settled(id);
    expect(service.status(id, 0)).toMatchObject({ state: 'complete', keys: 1_000, type: 'hash' });
    expect(keysOf(allRows(id, 'flat')).every((k) => k.startsWith('h:'))).toBe(true);
    await sessions.close(id);
  });

  it('stops at a cap, then expanding a folder scans that folder completely', async () => {
    const id = await open();
    await service.scan(id, 0, { cap: 2_000 });
    await service.settled(id);
    expect(service.status(id, 0)).toMatchObject({ state: 'capped', keys: 2_000, cap: 2_000 });
    service.expand(id, 0, 'user:', true);
    service.expand(id, 0, 'user:3:', true);
    await service.settled(id);
    expect(folderRow(id, 'user:3:')?.count).toBe(900);
    expect(service.status(id, 0).state).toBe('capped');
    await sessions.close(id);
  });

  it('finds an exact key; it joins the tree only when the search shows it, so count and list agree', async () => {
    const id = await open();
    await service.scan(id, 0, { match: 'user:*', cap: 100 });
    await service.settled(id);
    const listedBefore = new Set(keysOf(allRows(id, 'flat')));
    expect(service.status(id, 0).keys).toBe(100);
    // Outside the search: found (the UI opens it), but the list and its count stay the search's.
    expect(await service.lookup(id, 0, 'h:5')).toEqual({ key: 'h:5', type: 'hash', ttlMs: -1, listed: false });
    expect(service.status(id, 0).keys).toBe(100);
    expect(folderRow(id, 'h:')).toBeUndefined();
    // Inside it, beyond the cap: found and listed.
    const beyond = [...loaded].find((k) => k.startsWith('user:') && !listedBefore.has(k))!;
    expect(await service.lookup(id, 0, beyond)).toMatchObject({ key: beyond, listed: true });
    expect(service.status(id, 0).keys).toBe(101);
    expect(keysOf(allRows(id, 'flat'))).toContain(beyond);
    expect(await service.lookup(id, 0, 'no:such:key')).toEqual({
      key: 'no:such:key',
      type: 'none',
      ttlMs: -2,
      listed: false,
    });
    expect(service.status(id, 0).keys).toBe(101);

    // A type filter: a key of another type stays out too.
    await service.scan(id, 0, { type: 'hash' });
    await service.settled(id);
    expect(service.status(id, 0).keys).toBe(1_000);
    expect(await service.lookup(id, 0, 'user:1')).toMatchObject({ type: 'string', listed: false });
    expect(service.status(id, 0).keys).toBe(1_000);
    await sessions.close(id);
  });

  it('cancels a running scan', async () => {
    const id = await open('slow');
    await service.scan(id, 0, { maxCallsPerSecond: 5 });
    await waitFor(async () => service.status(id, 0).keys > 0, { timeoutMs: 5_000, what: 'the first page' });
    expect(service.cancelScan(id, 0).state).toBe('cancelled');
    await service.settled(id);
    const status = service.status(id, 0);
    expect(status.state).toBe('cancelled');
    expect(status.keys).toBeLessThan(loaded.size);
    expect(bed.eventsOf(id).at(-1)!.status.state).toBe('cancelled');
    await sessions.close(id);
  });

  it('rescans the new db after a db switch', async () => {
    const id = await open();
    await service.scan(id, 0, {});
    await service.settled(id);
    await sessions.selectDb(id, 1);
    await waitFor(async () => service.status(id, 1).state === 'complete' && service.status(id, 1).keys === 50, {
      timeoutMs: 10_000,
      what: 'the rescan of db 1',
    });
    expect(keysOf(allRows(id, 'flat')).every((k) => k.startsWith('db1:'))).toBe(true);
    expect(bed.eventsOf(id).at(-1)).toMatchObject({ rowsChanged: true, status: { dbSize: 50 } });
    await sessions.close(id);
    await expectFailure(
      Promise.resolve().then(() => service.status(id, 0)),
      'NOT_FOUND',
    );
  });

  it('deletes keys from the server and the tree at once; refuses on read-only sessions', async () => {
    await admin.mset('del:1', 'a', 'del:2', 'b', 'del:3', 'c');
    const ro = await open('ro');
    await expectFailure(service.delete(ro, 0, ['del:1']), 'READ_ONLY');
    expect(await admin.exists('del:1')).toBe(1);

    const id = await open();
    await service.scan(id, 0, { match: 'del:*' });
    await service.settled(id);
    const before = bed.eventsOf(id).length;
    expect(await service.delete(id, 0, ['del:1', 'del:2', 'del:none'])).toEqual({ deleted: 2 });
    expect(await admin.exists('del:1', 'del:2', 'del:3')).toBe(1);
    expect(keysOf(allRows(id, 'flat'))).toEqual(['del:3']);
    await waitFor(
      async () =>
        bed
          .eventsOf(id)
          .slice(before)
          .some((e) => e.rowsChanged && e.status.keys === 1),
      {
        timeoutMs: 2_000,
        what: 'a rows-changed event',
      },
    );
    await sessions.close(id);
    await sessions.close(ro);
  });

  it('reads TYPE and PTTL of the rows on screen; drops keys that are gone', async () => {
    await admin.set('meta:ttl', 'x', 'PX', 60_000);
    await admin.set('meta:gone', 'x');
    const id = await open();
    await service.scan(id, 0, { match: 'meta:*' });
    await service.settled(id);
    await admin.del('meta:gone');
    const meta = await service.meta(id, 0, ['meta:ttl', 'meta:gone', { base64: binaryKey(3).toString('base64') }]);
    expect(meta[0]).toMatchObject({ key: 'meta:ttl', type: 'string' });
    expect(meta[0]!.ttlMs).toBeGreaterThan(50_000);
    expect(meta[1]).toEqual({ key: 'meta:gone', type: 'none', ttlMs: -2 });
    expect(meta[2]).toMatchObject({ type: 'string', ttlMs: -1 });
    expect(keysOf(allRows(id, 'flat'))).toEqual(['meta:ttl']);
    await sessions.close(id);
  });

  it('ends in state error with the server message when SCAN fails', async () => {
    const id = await open('noscan');
    const status = await service.scan(id, 0, {});
    await service.settled(id);
    expect(service.status(id, 0).state).toBe('error');
    expect(service.status(id, 0).error?.message).toMatch(/unknown command/i);
    expect(status.dbSize).toBe(0);
    await sessions.close(id);
  });

  it('serves the API handlers; unknown sessions are NOT_FOUND', async () => {
    const handlers = keyHandlers(service);
    await expectFailure(handlers['keys.status']({ sessionId: 'nope', db: 0 }), 'NOT_FOUND');
    const id = await open();
    await handlers['keys.scan']({ sessionId: id, db: 0, match: 'h:1*' });
    await service.settled(id);
    expect((await handlers['keys.status']({ sessionId: id, db: 0 })).keys).toBe(111);
    expect(await handlers['keys.expand']({ sessionId: id, db: 0, prefix: 'h:', expanded: true })).toEqual({
      total: 112,
    });
    const page = await handlers['keys.rows']({ sessionId: id, db: 0, offset: 1, limit: 3, view: 'tree' });
    expect(page.rows.map((r) => r.name)).toEqual(['1', '10', '11']);
    await sessions.close(id);
  });
});
