import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandalone, type StandaloneServer } from '../localRedis/testSupport';
import { testConnection } from './connectionTest';
import { expectFailure, sessionTestbed, standaloneProfile } from './testSupport/sessionTestbed';

// Servers that cannot be reached: nothing listening (a stopped server's port), or a server that
// accepts the TCP connection but never answers (paused with SIGSTOP).
let stopped: StandaloneServer;
let paused: StandaloneServer;
const { manager, profiles, viewsOf } = sessionTestbed();

beforeAll(async () => {
  [stopped, paused] = await Promise.all([startStandalone(), startStandalone()]);
  await stopped.stop();
  await paused.node.pause();
  profiles.set('refused', standaloneProfile({ name: 'Cache', host: '127.0.0.1', port: stopped.port }));
  profiles.set('silent', standaloneProfile({ host: '127.0.0.1', port: paused.port, connectTimeoutMs: 500 }));
  profiles.set('unknown-host', standaloneProfile({ host: 'no-such-host.invalid', port: 6379 }));
});
afterAll(async () => {
  await manager.closeAll();
  await paused?.node.resume();
  await paused?.stop();
});

describe('unreachable servers', () => {
  it('says CONNECTION_REFUSED for a port nothing listens on, naming the address', async () => {
    const where = `127.0.0.1:${stopped.port}`;
    expect((await expectFailure(testConnection(profiles.get('refused')!), 'CONNECTION_REFUSED')).message).toContain(
      where,
    );
    expect((await expectFailure(manager.open('refused'), 'CONNECTION_REFUSED')).message).toContain(where);
    expect(viewsOf('refused').map((v) => v.state)).toEqual(['connecting', 'failed']);
  });

  it('refuses a call for the session that failed to open by its profile and server, not its id', async () => {
    await expectFailure(manager.open('refused'), 'CONNECTION_REFUSED');
    const failed = viewsOf('refused').at(-1)!;
    const gone = await expectFailure(manager.info(failed.id), 'NOT_FOUND');
    expect(gone.message).not.toContain(failed.id);
    expect(gone.message).toContain(`“Cache” (127.0.0.1:${stopped.port})`);
    expect(gone.details).toEqual({
      session: { profileId: 'refused', profileName: 'Cache', address: `127.0.0.1:${stopped.port}` },
    });
    // A session core never knew: no id in the words either.
    expect((await expectFailure(manager.info('no-such-id'), 'NOT_FOUND')).message).not.toContain('no-such-id');
  });

  it('says TIMEOUT for a server that does not answer, within the connect timeout', async () => {
    for (const attempt of [() => testConnection(profiles.get('silent')!), () => manager.open('silent')]) {
      const started = Date.now();
      const failure = await expectFailure(attempt(), 'TIMEOUT');
      expect(failure.message).toContain(`127.0.0.1:${paused.port}`);
      // Bounded by the timeout the user chose (plus slack for a loaded machine).
      expect(Date.now() - started).toBeLessThan(500 * 4);
    }
    expect(viewsOf('silent').at(-1)).toMatchObject({ state: 'failed', error: { code: 'TIMEOUT' } });
  });

  it('says HOST_NOT_FOUND for a name that does not resolve', async () => {
    const failure = await expectFailure(testConnection(profiles.get('unknown-host')!), 'HOST_NOT_FOUND');
    expect(failure.message).toContain('no-such-host.invalid');
  });
});
