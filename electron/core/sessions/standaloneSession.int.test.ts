import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandalone, type StandaloneServer } from '../localRedis/testSupport';
import { testConnection } from './connectionTest';
import { PROBE_CONNECTION_NAME } from '../redis/probeConnection';
import { sessionHandlers } from './sessionHandlers';
import {
  clientList,
  connectionsReceived,
  expectFailure,
  sessionTestbed,
  standaloneProfile,
  waitForNoClients,
} from './testSupport/sessionTestbed';

// Sessions and connection tests against real standalone redis-servers: one with requirepass and
// an ACL user, one whose CONFIG command is renamed away.
let secured: StandaloneServer;
let noConfig: StandaloneServer;
const { manager, profiles, viewsOf } = sessionTestbed();

beforeAll(async () => {
  [secured, noConfig] = await Promise.all([
    startStandalone({ password: 's3cret', user: { username: 'alice', password: 'wonder' } }),
    startStandalone({ extraConfig: ['rename-command CONFIG ""'] }),
  ]);
  const at = { host: '127.0.0.1', port: secured.port };
  profiles.set('pw', standaloneProfile({ ...at, password: 's3cret' }));
  profiles.set('acl', standaloneProfile({ ...at, username: 'alice', password: 'wonder', name: 'Alice' }));
  profiles.set('wrong-pw', standaloneProfile({ ...at, password: 'nope' }));
  profiles.set('no-pw', standaloneProfile(at));
  profiles.set('missing-db', standaloneProfile({ ...at, password: 's3cret', db: 20 }));
  profiles.set('no-config', standaloneProfile({ host: '127.0.0.1', port: noConfig.port, readOnly: true }));
});
afterAll(async () => {
  await manager.closeAll();
  await Promise.all([secured?.stop(), noConfig?.stop()]);
});

/** The session's own connection and the ones pinned to other dbs (`redlens:<id>:db<n>`). */
const ours = (sessionId: string) => (c: Record<string, string>) =>
  c['name'] === `redlens:${sessionId}` || c['name']?.startsWith(`redlens:${sessionId}:db`) === true;

describe('testConnection (standalone)', () => {
  it('reports version, mode, role and latency with a password and with an ACL user', async () => {
    for (const id of ['pw', 'acl']) {
      const report = await testConnection(profiles.get(id)!);
      expect(report).toMatchObject({
        address: `127.0.0.1:${secured.port}`,
        mode: 'standalone',
        role: 'master',
        tls: false,
      });
      expect(report.version).toMatch(/^\d+\.\d+\.\d+$/);
      expect(report.latencyMs).toBeGreaterThanOrEqual(0);
      expect(report.sentinel).toBeUndefined();
    }
    await waitForNoClients([secured.node], (c) => c['name'] === PROBE_CONNECTION_NAME, 'test connections to close');
  });

  it('says AUTH_FAILED for a wrong password and AUTH_REQUIRED for none', async () => {
    const wrong = await expectFailure(testConnection(profiles.get('wrong-pw')!), 'AUTH_FAILED');
    expect(wrong.message).toContain(`127.0.0.1:${secured.port}`);
    const bob = standaloneProfile({ host: '127.0.0.1', port: secured.port, username: 'bob', password: 'wonder' });
    await expectFailure(testConnection(bob), 'AUTH_FAILED');
    await expectFailure(testConnection(profiles.get('no-pw')!), 'AUTH_REQUIRED');
  });
});

describe('sessions (standalone)', () => {
  it('opens, reads info and databases, selects a db, and closes without leftovers', async () => {
    const admin = await secured.node.client();
    await admin.flushall();
    await admin.mset('a', '1', 'b', '2');
    await admin.select(3);
    await admin.set('c', '3', 'EX', 600);
    admin.disconnect();

    const view = await manager.open('acl');
    expect(view).toMatchObject({
      profileId: 'acl',
      profileName: 'Alice',
      kind: 'standalone',
      readOnly: false,
      db: 0,
      state: 'ready',
      address: `127.0.0.1:${secured.port}`,
    });
    expect(viewsOf(view.id).map((v) => v.state)).toEqual(['connecting', 'ready']);
    expect(manager.list()).toEqual([view]);

    const info = await manager.info(view.id);
    expect(info).toMatchObject({ mode: 'standalone', role: 'master' });
    expect(info.sections['server']?.['tcp_port']).toBe(String(secured.port));

    expect(await manager.databases(view.id)).toEqual({
      count: 16,
      fromConfig: true,
      keyspace: [
        { db: 0, keys: 2, expires: 0 },
        { db: 3, keys: 1, expires: 1 },
      ],
    });

    const selected = await manager.selectDb(view.id, 3);
    expect(selected).toMatchObject({ db: 3, state: 'ready' });
    expect(viewsOf(view.id).at(-1)).toMatchObject({ db: 3 });
    expect(await (await manager.dbClient(view.id, 3)).get('c')).toBe('3');
    // The session's own connection never leaves the profile's db (no SELECT on a shared link).
    expect(await manager.client(view.id).get('c')).toBeNull();
    const range = await expectFailure(manager.selectDb(view.id, 16), 'VALIDATION_FAILED');
    expect(range.message).toContain('0–15');

    // The session's own connection in the profile's db and one pinned to db 3, findable by
    // name, as the ACL user.
    const mine = (await clientList(secured.node)).filter(ours(view.id));
    expect(mine.map((c) => [c['name'], c['user'], c['db']]).sort()).toEqual([
      [`redlens:${view.id}`, 'alice', '0'],
      [`redlens:${view.id}:db3`, 'alice', '3'],
    ]);

    await manager.close(view.id);
    expect(viewsOf(view.id).at(-1)?.state).toBe('closed');
    expect(manager.list()).toEqual([]);
    await waitForNoClients([secured.node], ours(view.id), 'the session connection to close');
    await expectFailure(manager.info(view.id), 'NOT_FOUND');
  });

  it('falls back to 16 databases when CONFIG is disabled, and lets the server judge the index', async () => {
    const view = await manager.open('no-config');
    expect(view.readOnly).toBe(true);
    expect(await manager.databases(view.id)).toEqual({ count: 16, fromConfig: false, keyspace: [] });
    expect(await manager.selectDb(view.id, 15)).toMatchObject({ db: 15 });
    await expectFailure(manager.selectDb(view.id, 16), 'VALIDATION_FAILED');
    await manager.close(view.id);
  });

  it('keeps several sessions apart, each on its own db', async () => {
    const [one, two] = await Promise.all([manager.open('pw'), manager.open('pw')]);
    expect(one.id).not.toBe(two.id);
    await manager.selectDb(one.id, 1);
    await manager.selectDb(two.id, 2);
    await (await manager.dbClient(one.id, 1)).set('who', 'one');
    expect(await (await manager.dbClient(two.id, 2)).get('who')).toBeNull();
    expect(manager.list().map((v) => v.db)).toEqual([1, 2]);
    await manager.closeAll();
    expect(manager.list()).toEqual([]);
    await waitForNoClients([secured.node], (c) => c['name']?.startsWith('redlens:') ?? false, 'all sessions to close');
  });

  it('fails to open with a wrong password at once: one connection attempt, no retry loop', async () => {
    const before = await connectionsReceived(secured.node);
    const failure = await expectFailure(manager.open('wrong-pw'), 'AUTH_FAILED');
    expect(failure.message).toContain(`127.0.0.1:${secured.port}`);
    // The probe that reads the counter is one connection, the session's attempt the other.
    expect((await connectionsReceived(secured.node)) - before).toBe(2);
    expect(viewsOf('wrong-pw').map((v) => v.state)).toEqual(['connecting', 'failed']);
    expect(manager.list()).toEqual([]);
  });

  it('says AUTH_REQUIRED without a password, and rejects a db the server does not have', async () => {
    await expectFailure(manager.open('no-pw'), 'AUTH_REQUIRED');
    expect(viewsOf('no-pw').at(-1)).toMatchObject({ state: 'failed', error: { code: 'AUTH_REQUIRED' } });
    const missing = await expectFailure(manager.open('missing-db'), 'VALIDATION_FAILED');
    expect(missing.message).toContain('Database 20');
    expect(manager.list()).toEqual([]);
  });

  it('serves every sessions.* method through the handlers', async () => {
    const handlers = sessionHandlers(manager);
    const view = await handlers['sessions.open']({ profileId: 'pw' });
    expect(await handlers['sessions.list']({})).toEqual([view]);
    expect(await handlers['sessions.selectDb']({ sessionId: view.id, db: 4 })).toMatchObject({ db: 4 });
    expect(await handlers['sessions.databases']({ sessionId: view.id })).toMatchObject({ count: 16, fromConfig: true });
    expect(await handlers['sessions.info']({ sessionId: view.id })).toMatchObject({ role: 'master' });
    expect(await handlers['sessions.close']({ sessionId: view.id })).toEqual({ sessionId: view.id });
    await expectFailure(handlers['sessions.close']({ sessionId: view.id }), 'NOT_FOUND');
    await expectFailure(handlers['sessions.open']({ profileId: 'nope' }), 'NOT_FOUND');
  });
});
