import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapError } from '../api/mapError';
import { startStandalone, waitFor, type StandaloneServer } from '../localRedis/testSupport';
import { sessionTestbed, standaloneProfile } from './testSupport/sessionTestbed';

// A session that loses its server: it reports every attempt, comes back when the server does,
// gives up after its budget, and does not loop on a password the server stopped accepting.
let server: StandaloneServer;
const { manager, profiles, viewsOf } = sessionTestbed();
const short = sessionTestbed({ reconnect: { budgetMs: 1_500 } });

beforeAll(async () => {
  server = await startStandalone({ password: 'pw1' });
  const profile = standaloneProfile({ host: '127.0.0.1', port: server.port, password: 'pw1' });
  profiles.set('s', profile);
  short.profiles.set('s', profile);
});
afterAll(async () => {
  await Promise.all([manager.closeAll(), short.manager.closeAll()]);
  await server?.stop();
});

const latest = (views: () => { state: string }[], state: string, what: string) =>
  waitFor(async () => views().at(-1)?.state === state, { timeoutMs: 15_000, intervalMs: 50, what });

describe('reconnecting', () => {
  it('reports reconnecting with attempt numbers and the error, then ready again on the same db', async () => {
    const { id } = await manager.open('s');
    await manager.selectDb(id, 2);
    await server.node.kill();
    await waitFor(async () => viewsOf(id).some((v) => (v.attempt ?? 0) >= 3), {
      timeoutMs: 15_000,
      what: 'a third reconnect attempt',
    });
    const reconnecting = viewsOf(id).filter((v) => v.state === 'reconnecting');
    expect(reconnecting.map((v) => v.attempt).slice(0, 3)).toEqual([1, 2, 3]);
    expect(reconnecting.at(-1)).toMatchObject({ db: 2, address: `127.0.0.1:${server.port}` });
    expect(reconnecting.at(-1)?.error?.code).toBe('CONNECTION_REFUSED');
    // Commands fail at once while it reconnects, instead of waiting in a queue.
    const offline = await manager
      .client(id)
      .get('k')
      .catch((e: unknown) => mapError(e));
    expect(offline).toMatchObject({ code: 'CONNECTION_LOST' });

    await server.node.restart();
    await latest(() => viewsOf(id), 'ready', 'the session to be ready again');
    expect(manager.view(id)).toMatchObject({ state: 'ready', db: 2 });
    expect(manager.view(id).attempt).toBeUndefined();
    await (await manager.dbClient(id, 2)).set('k', 'v');
    const admin = await server.node.client({ db: 2 });
    expect(await admin.get('k')).toBe('v');
    admin.disconnect();
    await manager.close(id);
  });

  it('gives up after its budget and says why', async () => {
    const { id } = await short.manager.open('s');
    await server.node.kill();
    await latest(() => short.viewsOf(id), 'failed', 'the session to give up');
    const failed = short.manager.view(id);
    expect(failed.error?.code).toBe('CONNECTION_REFUSED');
    expect(failed.error?.message).toMatch(/^Gave up reconnecting after [\d.]+ s \(\d+ attempts\)/);
    await server.node.restart();
    await short.manager.close(id);
  });

  it('goes straight to failed when the password stopped working, without a retry loop', async () => {
    const { id } = await manager.open('s');
    const admin = await server.node.client();
    await admin.config('SET', 'requirepass', 'pw2');
    const connections = async () => Number(/total_connections_received:(\d+)/.exec(await admin.info('stats'))?.[1]);
    const before = await connections();
    await admin.client('KILL', 'TYPE', 'normal', 'SKIPME', 'yes');
    await latest(() => viewsOf(id), 'failed', 'the session to fail');
    expect(viewsOf(id).slice(-2)).toMatchObject([
      { state: 'reconnecting', attempt: 1 },
      { state: 'failed', error: { code: 'AUTH_FAILED' } },
    ]);
    // One reconnect attempt, and no more.
    expect((await connections()) - before).toBe(1);
    await admin.config('SET', 'requirepass', 'pw1');
    admin.disconnect();
    await manager.close(id);
  });
});
