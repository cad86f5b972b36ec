import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ProfileInput, ProfileView } from '../../../shared/api/profiles';
import type { Result } from '../../../shared/api/result';
import { createCore, type Core } from '../createCore';
import { startStandalone, type StandaloneServer } from '../localRedis/testSupport';
import { startRecordingListener, type RecordingListener } from './testSupport/recordingListener';

// A saved secret goes only where it was saved for, whatever a client of the API sends: through
// dispatch, against a real redis-server and a fake listener that records what reaches it.
const PASSWORD = 'pw-Saved-For-Redis-9931';
const SENTINEL_PASSWORD = 'sentinel-Saved-5521';

let redis: StandaloneServer;
let dataDir: string;
let core: Core;
let fake: RecordingListener;

beforeAll(async () => {
  redis = await startStandalone({ password: PASSWORD });
});
afterAll(async () => {
  await redis?.stop();
});
beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'redlens-secret-binding-'));
  core = createCore({ version: '0.0.0-test', host: 'web', dataDir });
  fake = await startRecordingListener();
});
afterEach(async () => {
  await core.dispose();
  await fake.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const unwrap = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};

const standalone = (port: number, extra: Partial<ProfileInput> = {}): ProfileInput =>
  ({ kind: 'standalone', name: 'Cache', host: '127.0.0.1', port, connectTimeoutMs: 2_000, ...extra }) as ProfileInput;

async function saved(profile: ProfileInput): Promise<ProfileView> {
  return unwrap(await core.invoke('profiles.create', { profile }));
}

describe('profiles.test with a saved profile id', () => {
  it('sends the saved password to the address it was saved for', async () => {
    const p = await saved(standalone(redis.port, { password: PASSWORD }));
    // Positive control: leaving the password out uses the saved one, and it works.
    expect(unwrap(await core.invoke('profiles.test', { id: p.id, profile: standalone(redis.port) }))).toMatchObject({
      role: 'master',
    });
  });

  it('never sends it to another host:port', async () => {
    const p = await saved(standalone(redis.port, { password: PASSWORD }));
    const result = await core.invoke('profiles.test', { id: p.id, profile: standalone(fake.port) });
    expect(result.ok).toBe(false);
    expect(fake.connections()).toBeGreaterThan(0);
    expect(fake.received()).not.toContain(PASSWORD);
    expect(fake.received()).not.toMatch(/AUTH/i);
  });

  it('sends a password typed for the new address (the user chose to)', async () => {
    const p = await saved(standalone(redis.port, { password: PASSWORD }));
    await core.invoke('profiles.test', { id: p.id, profile: standalone(fake.port, { password: 'typed-now' }) });
    expect(fake.received()).toContain('typed-now');
    expect(fake.received()).not.toContain(PASSWORD);
  });

  it('never sends a saved sentinel or data password to another sentinel set', async () => {
    const p = await saved({
      kind: 'sentinel',
      name: 'HA',
      sentinels: [{ host: '127.0.0.1', port: redis.port }],
      masterName: 'mymaster',
      password: PASSWORD,
      sentinelPassword: SENTINEL_PASSWORD,
      connectTimeoutMs: 2_000,
    });
    const result = await core.invoke('profiles.test', {
      id: p.id,
      profile: {
        kind: 'sentinel',
        name: 'HA',
        sentinels: [{ host: '127.0.0.1', port: fake.port }],
        masterName: 'mymaster',
        connectTimeoutMs: 2_000,
      },
    });
    expect(result.ok).toBe(false);
    expect(fake.connections()).toBeGreaterThan(0);
    expect(fake.received()).not.toContain(SENTINEL_PASSWORD);
    expect(fake.received()).not.toContain(PASSWORD);
  });
});

describe('profiles.update that changes where a profile connects', () => {
  it('drops the saved password, so opening the profile cannot send it to the new host', async () => {
    const p = await saved(standalone(redis.port, { password: PASSWORD }));
    const moved = unwrap(await core.invoke('profiles.update', { id: p.id, profile: standalone(fake.port) }));
    expect(moved.hasPassword).toBe(false);

    const opened = await core.invoke('sessions.open', { profileId: p.id });
    expect(opened.ok).toBe(false);
    expect(fake.connections()).toBeGreaterThan(0);
    expect(fake.received()).not.toContain(PASSWORD);

    // Moving it back does not bring the password back: it was dropped, not hidden.
    const back = unwrap(await core.invoke('profiles.update', { id: p.id, profile: standalone(redis.port) }));
    expect(back.hasPassword).toBe(false);
  });

  it('keeps it when only other settings change, and saves a password typed again for the new address', async () => {
    const p = await saved(standalone(redis.port, { password: PASSWORD }));
    const renamed = unwrap(
      await core.invoke('profiles.update', {
        id: p.id,
        profile: standalone(redis.port, { name: 'Renamed', db: 1, connectTimeoutMs: 3_000 }),
      }),
    );
    expect(renamed.hasPassword).toBe(true);
    expect(unwrap(await core.invoke('profiles.test', { id: p.id, profile: standalone(redis.port) }))).toMatchObject({
      role: 'master',
    });

    const retyped = unwrap(
      await core.invoke('profiles.update', { id: p.id, profile: standalone(fake.port, { password: 'new-one' }) }),
    );
    expect(retyped.hasPassword).toBe(true);
  });

  it('drops every saved secret when TLS is turned off or its verification weakened', async () => {
    const tls = { enabled: true, verify: true, keyPassphrase: 'key-pass' };
    const p = await saved(standalone(redis.port, { password: PASSWORD, tls }));
    const weaker = unwrap(
      await core.invoke('profiles.update', {
        id: p.id,
        profile: standalone(redis.port, { tls: { enabled: true, verify: false } }),
      }),
    );
    expect(weaker).toMatchObject({ hasPassword: false, tls: { hasKeyPassphrase: false } });
  });

  it('drops the sentinel and data passwords when the sentinel list or master name changes', async () => {
    const base = {
      kind: 'sentinel' as const,
      name: 'HA',
      sentinels: [
        { host: '10.0.0.1', port: 26379 },
        { host: '10.0.0.2', port: 26379 },
      ],
      masterName: 'mymaster',
    };
    const p = await saved({ ...base, password: PASSWORD, sentinelPassword: SENTINEL_PASSWORD });
    // The same set in another order keeps them.
    const reordered = unwrap(
      await core.invoke('profiles.update', {
        id: p.id,
        profile: { ...base, sentinels: [...base.sentinels].reverse() },
      }),
    );
    expect(reordered).toMatchObject({ hasPassword: true, hasSentinelPassword: true });
    for (const profile of [
      { ...base, sentinels: [...base.sentinels, { host: '10.0.0.3', port: 26379 }] },
      { ...base, masterName: 'other' },
    ]) {
      const q = await saved({ ...base, password: PASSWORD, sentinelPassword: SENTINEL_PASSWORD });
      const changed = unwrap(await core.invoke('profiles.update', { id: q.id, profile }));
      expect(changed).toMatchObject({ hasPassword: false, hasSentinelPassword: false });
    }
  });
});
