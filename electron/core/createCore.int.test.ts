import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from './createCore';
import { startStandalone, waitFor, type StandaloneServer } from './localRedis/testSupport';
import { SANDBOX_PROFILE_NAME } from './localSandbox/sandboxService';

// The whole of core through its one dispatch, as the UI drives it: profiles → sessions → close.
let dataDir: string;
let core: Core;
let redis: StandaloneServer;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'redlens-core-'));
  core = createCore({ version: '0.0.0-test', host: 'web', dataDir });
  redis = await startStandalone({ password: 'pw-core' });
});
afterAll(async () => {
  await core?.dispose();
  await redis?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const unwrap = <T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};

describe('core end to end', () => {
  it('saves a profile, tests it, opens a session, reads info and closes every connection', async () => {
    const profile = unwrap(
      await core.invoke('profiles.create', {
        profile: { kind: 'standalone', name: 'Core test', host: '127.0.0.1', port: redis.port, password: 'pw-core' },
      }),
    );
    expect(profile).toMatchObject({ hasPassword: true });
    expect(JSON.stringify(profile)).not.toContain('pw-core');

    // Testing the saved profile's settings without retyping the password uses the saved one.
    const report = unwrap(
      await core.invoke('profiles.test', {
        id: profile.id,
        profile: { kind: 'standalone', name: 'Core test', host: '127.0.0.1', port: redis.port },
      }),
    );
    expect(report).toMatchObject({ role: 'master', mode: 'standalone' });

    const session = unwrap(await core.invoke('sessions.open', { profileId: profile.id }));
    expect(session).toMatchObject({ state: 'ready', address: `127.0.0.1:${redis.port}` });
    expect(unwrap(await core.invoke('sessions.info', { sessionId: session.id }))).toMatchObject({ role: 'master' });
    unwrap(await core.invoke('sessions.close', { sessionId: session.id }));

    const admin = await redis.node.client();
    try {
      await waitFor(async () => !String(await admin.call('CLIENT', 'LIST')).includes('redlens'), {
        timeoutMs: 5_000,
        what: 'no Redlens connection left in CLIENT LIST',
      });
    } finally {
      admin.disconnect();
    }
  });

  it('starts the sandbox, makes one profile for it, and connects to its master', async () => {
    expect(unwrap(await core.invoke('sandbox.status', {}))).toMatchObject({ available: true });
    const started = unwrap(await core.invoke('sandbox.start', {}));
    expect(started.profile).toMatchObject({ kind: 'sentinel', name: SANDBOX_PROFILE_NAME, masterName: 'mymaster' });
    const session = unwrap(await core.invoke('sessions.open', { profileId: started.profile.id }));
    expect(session.address).toBe(`${started.topology.master.host}:${started.topology.master.port}`);
    unwrap(await core.invoke('sessions.close', { sessionId: session.id }));

    // Starting again (e.g. after an app restart) reuses the profile instead of adding a copy.
    unwrap(await core.invoke('sandbox.stop', {}));
    const again = unwrap(await core.invoke('sandbox.start', {}));
    expect(again.profile.id).toBe(started.profile.id);
    const list = unwrap(await core.invoke('profiles.list', {}));
    expect(list.profiles.filter((p) => p.name === SANDBOX_PROFILE_NAME)).toHaveLength(1);
  });
});
