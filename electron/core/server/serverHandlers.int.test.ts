import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventMap } from '../../../shared/api/events';
import { createCore, type Core } from '../createCore';
import {
  freePort,
  waitFor,
  startSentinelTopology,
  startStandalone,
  type SentinelTopology,
  type StandaloneServer,
} from '../localRedis/testSupport';

// server.ping / server.info through core's real dispatch, against real redis-server processes.
let core: Core;
let open: StandaloneServer;
let locked: StandaloneServer;
const states: EventMap['connection.state'][] = [];

beforeAll(async () => {
  core = createCore({ version: '0.0.0-test', host: 'web', dataDir: '/nonexistent' });
  core.events.on('connection.state', (payload) => states.push(payload));
  [open, locked] = await Promise.all([
    startStandalone(),
    startStandalone({ password: 's3cret', user: { username: 'alice', password: 'wonder' } }),
  ]);
});
afterAll(async () => {
  await Promise.all([open?.stop(), locked?.stop()]);
});

describe('server.info / server.ping', () => {
  it('reads version, mode and role of a standalone server', async () => {
    const result = await core.invoke('server.info', { host: '127.0.0.1', port: open.port });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(result.value).toMatchObject({ mode: 'standalone', role: 'master' });
    expect(result.value.sections['server']?.['tcp_port']).toBe(String(open.port));
    expect(result.value.latencyMs).toBeGreaterThanOrEqual(0);
    const ping = await core.invoke('server.ping', { host: '127.0.0.1', port: open.port });
    expect(ping).toMatchObject({ ok: true, value: { reply: 'PONG' } });
  });

  it('pushes connecting → ready → closed and leaves no connection behind', async () => {
    states.length = 0;
    await core.invoke('server.ping', { host: '127.0.0.1', port: open.port });
    expect(states.map((s) => s.state)).toEqual(['connecting', 'ready', 'closed']);
    expect(states[0]?.target).toBe(`127.0.0.1:${open.port}`);
    const client = await open.node.client();
    try {
      // The server notices the close asynchronously: wait for it, then it must be gone.
      await waitFor(async () => !String(await client.call('CLIENT', 'LIST')).includes('name=redlens'), {
        timeoutMs: 5_000,
        what: 'no Redlens connection left in CLIENT LIST',
      });
    } finally {
      client.disconnect();
    }
  });

  it('authenticates with a password and with an ACL user', async () => {
    expect(
      await core.invoke('server.ping', { host: '127.0.0.1', port: locked.port, password: 's3cret' }),
    ).toMatchObject({ ok: true });
    expect(
      await core.invoke('server.ping', { host: '127.0.0.1', port: locked.port, username: 'alice', password: 'wonder' }),
    ).toMatchObject({ ok: true });
  });

  it('says AUTH_FAILED for a wrong password or user, AUTH_REQUIRED for none', async () => {
    const wrong = await core.invoke('server.info', { host: '127.0.0.1', port: locked.port, password: 'nope' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED' } });
    const wrongUser = await core.invoke('server.info', {
      host: '127.0.0.1',
      port: locked.port,
      username: 'bob',
      password: 'wonder',
    });
    expect(wrongUser).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED' } });
    const none = await core.invoke('server.info', { host: '127.0.0.1', port: locked.port });
    expect(none).toMatchObject({ ok: false, error: { code: 'AUTH_REQUIRED' } });
    expect(states.at(-2)).toMatchObject({ state: 'failed', error: { code: 'AUTH_REQUIRED' } });
  });

  it('says CONNECTION_REFUSED when nothing listens', async () => {
    const port = await freePort();
    const result = await core.invoke('server.ping', { host: '127.0.0.1', port });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONNECTION_REFUSED' } });
    if (!result.ok) expect(result.error.message).toContain(`127.0.0.1:${port}`);
  });

  it('says TIMEOUT when the server does not answer (paused), within the timeout', async () => {
    const paused = await startStandalone();
    try {
      await paused.node.pause();
      const started = Date.now();
      const result = await core.invoke('server.info', { host: '127.0.0.1', port: paused.port, connectTimeoutMs: 800 });
      expect(result).toMatchObject({ ok: false, error: { code: 'TIMEOUT' } });
      // Bounded by the timeout the user chose (plus slack for a loaded CI machine), not ioredis' phases.
      expect(Date.now() - started).toBeLessThan(800 * 4);
    } finally {
      await paused.node.resume();
      await paused.stop();
    }
  });
});

describe('server.info on a Sentinel deployment', () => {
  let topo: SentinelTopology;
  beforeAll(async () => {
    topo = await startSentinelTopology({ replicas: 1, sentinels: 1, quorum: 1 });
  });
  afterAll(() => topo?.stop());

  it('tells sentinel, master and replica apart', async () => {
    const [sentinel, master, replica] = await Promise.all([
      core.invoke('server.info', { host: '127.0.0.1', port: topo.sentinels[0]!.port }),
      core.invoke('server.info', { host: '127.0.0.1', port: topo.master.port }),
      core.invoke('server.info', { host: '127.0.0.1', port: topo.replicas[0]!.port }),
    ]);
    expect(sentinel).toMatchObject({ ok: true, value: { mode: 'sentinel', role: 'sentinel' } });
    expect(master).toMatchObject({ ok: true, value: { mode: 'standalone', role: 'master' } });
    expect(replica).toMatchObject({ ok: true, value: { mode: 'standalone', role: 'replica' } });
  });
});
