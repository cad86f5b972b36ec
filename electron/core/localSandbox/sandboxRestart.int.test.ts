import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/api/result';
import type { SandboxStarted } from '../../../shared/api/sandbox';
import { createCore, type Core } from '../createCore';

// The app restarts: the sandbox's processes are gone, its profile is not. A new core on the same
// data dir knows that profile as the sandbox's, knows the sandbox is not running, and starts it
// again for the same profile.
let dataDir: string;
let first: Core | undefined;
let second: Core | undefined;

const unwrap = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'redlens-sandbox-restart-'));
});
afterAll(async () => {
  await first?.dispose();
  await second?.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the sandbox after a restart', () => {
  it('is known by its profile as not running, and starts again for that same profile', async () => {
    first = createCore({ version: '0.0.0-test', host: 'web', dataDir });
    const started: SandboxStarted = unwrap(await first.invoke('sandbox.start', {}));
    // The user renamed it: it is still the sandbox's profile, and keeps the user's name.
    const saved = started.profile;
    if (saved.kind !== 'sentinel') throw new Error('the sandbox profile is a Sentinel profile');
    const { sentinels, masterName } = saved;
    unwrap(
      await first.invoke('profiles.update', {
        id: saved.id,
        profile: { kind: 'sentinel', name: 'My sandbox', sentinels, masterName },
      }),
    );
    // "Restart": this core stops (and its sandbox with it); a new one opens the same data dir.
    await first.dispose();
    first = undefined;

    second = createCore({ version: '0.0.0-test', host: 'web', dataDir });
    const status = unwrap(await second.invoke('sandbox.status', {}));
    expect(status).toMatchObject({ available: true, profileId: started.profile.id });
    expect(status.running).toBeUndefined();

    const again = unwrap(await second.invoke('sandbox.start', {}));
    expect(again.profile).toMatchObject({ id: started.profile.id, name: 'My sandbox' });
    expect(again.profile.kind === 'sentinel' && again.profile.sentinels).toEqual(again.topology.sentinels);
    expect(unwrap(await second.invoke('profiles.list', {})).profiles).toHaveLength(1);
    expect(unwrap(await second.invoke('sandbox.status', {}))).toMatchObject({
      profileId: started.profile.id,
      running: again.topology,
    });

    const session = unwrap(await second.invoke('sessions.open', { profileId: started.profile.id }));
    expect(session).toMatchObject({ state: 'ready', address: `127.0.0.1:${again.topology.master.port}` });
    unwrap(await second.invoke('sessions.close', { sessionId: session.id }));
  });

  it('forgets a sandbox profile the user removed', async () => {
    const core = second!;
    const { profileId } = unwrap(await core.invoke('sandbox.status', {}));
    unwrap(await core.invoke('sandbox.stop', {}));
    unwrap(await core.invoke('profiles.delete', { id: profileId! }));
    expect(unwrap(await core.invoke('sandbox.status', {})).profileId).toBeUndefined();
  });
});
