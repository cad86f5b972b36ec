import { afterEach, describe, expect, it } from 'vitest';
import { startStandalone, waitFor, type StandaloneServer } from '../localRedis/testSupport';
import { expectFailure, standaloneProfile } from '../sessions/testSupport/sessionTestbed';
import { valueTestbed } from './testSupport/valueTestbed';

// A write that meets a lost connection is never re-sent, and the user is told whether it can
// have been applied. Each test kills its own redis-server.
let redis: StandaloneServer | undefined;
let bed: ReturnType<typeof valueTestbed> | undefined;

async function openSession(): Promise<{
  bed: ReturnType<typeof valueTestbed>;
  sessionId: string;
  server: StandaloneServer;
}> {
  redis = await startStandalone();
  bed = valueTestbed();
  bed.profiles.set('rw', standaloneProfile({ host: '127.0.0.1', port: redis.port }));
  const sessionId = (await bed.sessions.open('rw')).id;
  const client = await redis.node.client();
  await client.set('k', 'v');
  client.disconnect();
  return { bed, sessionId, server: redis };
}

afterEach(async () => {
  await bed?.dispose();
  await redis?.stop();
  [bed, redis] = [undefined, undefined];
});

describe('lost connection during a save', () => {
  it('while reconnecting: refused at once, nothing written (applied: false)', async () => {
    const { bed, sessionId, server } = await openSession();
    await server.node.kill();
    await waitFor(async () => bed.sessions.view(sessionId).state === 'reconnecting', {
      timeoutMs: 10_000,
      what: 'the session reconnecting',
    });
    const failure = await expectFailure(
      bed.call('values.string.set', { sessionId, key: 'k', value: 'new', expect: 'any' }),
      'CONNECTION_LOST',
    );
    expect(failure.details).toEqual({ applied: false });
    expect(failure.message).toContain('nothing was written');
  });

  it('in flight when the link drops: not re-sent, and the outcome is reported as unknown', async () => {
    const { bed, sessionId, server } = await openSession();
    const loaded = await bed.call('values.string.get', { sessionId, key: 'k' });
    await server.node.pause();
    // The command is written to the socket synchronously; the stopped server never answers it.
    const saving = bed.call('values.string.set', {
      sessionId,
      key: 'k',
      value: 'new',
      expect: { version: loaded.version! },
    });
    const refused = expectFailure(saving, 'CONNECTION_LOST');
    await new Promise((resolve) => setImmediate(resolve));
    await server.node.kill();
    const failure = await refused;
    expect(failure.details).toEqual({ applied: 'unknown' });
    expect(failure.message).toContain('may or may not have been applied');
  });
});
