import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/api/result';
import { createCore, type Core } from '../createCore';
import { startStandalone, waitFor, type StandaloneServer } from '../localRedis/testSupport';

// Quick connect → Browse / Save as profile, through core's one dispatch, against a real Redis
// with a password. The password is typed once: core keeps it (in memory) for the transient
// profile, and the renderer never sends it again.
let dataDir: string;
let core: Core;
let redis: StandaloneServer;
const PASSWORD = 'quick-secret-pw';

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'redlens-quick-'));
  core = createCore({ version: '0.0.0-test', host: 'web', dataDir });
  redis = await startStandalone({ password: PASSWORD });
  const admin = await redis.node.client();
  await admin.set('user:1', 'one');
  await admin.set('user:2', 'two');
  admin.disconnect();
});
afterAll(async () => {
  await core?.dispose();
  await redis?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const unwrap = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};

const quickConnect = async (readOnly = false) =>
  unwrap(await core.invoke('quick.connect', { host: '127.0.0.1', port: redis.port, password: PASSWORD, readOnly }));

/** No file in the data dir holds the password in clear. */
const expectNoSecretOnDisk = () => {
  for (const file of readdirSync(dataDir)) {
    expect(readFileSync(join(dataDir, file)).toString('latin1')).not.toContain(PASSWORD);
  }
};

describe('quick connect', () => {
  it('answers the server’s identity and an id for a transient profile that is never saved', async () => {
    const quick = await quickConnect();
    expect(quick.info).toMatchObject({ role: 'master', mode: 'standalone' });
    expect(quick.quickId).toEqual(expect.any(String));
    const view = unwrap(await core.invoke('quick.profile', { quickId: quick.quickId }));
    expect(view).toMatchObject({ kind: 'standalone', host: '127.0.0.1', port: redis.port, hasPassword: true });
    expect(JSON.stringify(view)).not.toContain(PASSWORD);
    expect(unwrap(await core.invoke('profiles.list', {})).profiles).toEqual([]);
    expectNoSecretOnDisk();
  });

  it('Browse: a session of the transient profile, with the full key browser, marked quick', async () => {
    const { quickId } = await quickConnect();
    const session = unwrap(await core.invoke('sessions.open', { profileId: quickId }));
    expect(session).toMatchObject({ state: 'ready', quick: true, readOnly: false, address: `127.0.0.1:${redis.port}` });
    unwrap(await core.invoke('keys.scan', { sessionId: session.id, db: 0 }));
    await waitFor(
      async () => unwrap(await core.invoke('keys.status', { sessionId: session.id, db: 0 })).state === 'complete',
      { timeoutMs: 10_000, what: 'the scan to complete' },
    );
    const folder = unwrap(await core.invoke('keys.rows', { sessionId: session.id, db: 0, offset: 0, limit: 10 }));
    expect(folder.rows).toMatchObject([{ kind: 'folder', name: 'user', count: 2 }]);
    const value = unwrap(await core.invoke('values.string.get', { sessionId: session.id, db: 0, key: 'user:1' }));
    expect(value).toMatchObject({ partial: false });
    expectNoSecretOnDisk();

    // Closing its session drops the transient profile: it cannot be opened (or saved) again.
    unwrap(await core.invoke('sessions.close', { sessionId: session.id }));
    const again = await core.invoke('sessions.open', { profileId: quickId });
    expect(again).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await core.invoke('quick.profile', { quickId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('read-only rules apply: a read-only quick session refuses writes', async () => {
    const { quickId } = await quickConnect(true);
    const session = unwrap(await core.invoke('sessions.open', { profileId: quickId }));
    expect(session).toMatchObject({ readOnly: true, quick: true });
    const write = await core.invoke('values.string.set', {
      sessionId: session.id,
      db: 0,
      key: 'user:1',
      value: 'changed',
      expect: 'any',
    });
    expect(write).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
    unwrap(await core.invoke('sessions.close', { sessionId: session.id }));
  });

  it('Save as profile: the typed password is saved encrypted without the renderer sending it again', async () => {
    const { quickId } = await quickConnect();
    const session = unwrap(await core.invoke('sessions.open', { profileId: quickId }));
    const input = { kind: 'standalone' as const, name: 'Saved from quick', host: '127.0.0.1', port: redis.port };
    // Testing the form first uses the quick connection's password too.
    expect(unwrap(await core.invoke('profiles.test', { profile: input, id: quickId }))).toMatchObject({
      role: 'master',
    });
    const saved = unwrap(await core.invoke('profiles.create', { profile: input, fromQuick: quickId }));
    expect(saved).toMatchObject({ name: 'Saved from quick', hasPassword: true });
    expectNoSecretOnDisk();

    // The profile opens with that password; the temporary session keeps working meanwhile.
    const opened = unwrap(await core.invoke('sessions.open', { profileId: saved.id }));
    expect(opened).toMatchObject({ state: 'ready', profileId: saved.id });
    expect(opened.quick).toBeUndefined();
    expect(unwrap(await core.invoke('sessions.info', { sessionId: session.id }))).toMatchObject({ role: 'master' });
    unwrap(await core.invoke('sessions.close', { sessionId: opened.id }));
    unwrap(await core.invoke('sessions.close', { sessionId: session.id }));
  });

  it('never sends the quick password anywhere else, and refuses to save once it is gone', async () => {
    const { quickId } = await quickConnect();
    const elsewhere = { kind: 'standalone' as const, name: 'Elsewhere', host: '127.0.0.1', port: redis.port + 1 };
    // Another address: the typed password does not follow; the profile is saved without one.
    const other = unwrap(await core.invoke('profiles.create', { profile: elsewhere, fromQuick: quickId }));
    expect(other).toMatchObject({ hasPassword: false });

    const gone = await core.invoke('profiles.create', {
      profile: { kind: 'standalone', name: 'Too late', host: '127.0.0.1', port: redis.port },
      fromQuick: 'quick:no-such-id',
    });
    expect(gone).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
