import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ProfileInput, ProfileView } from '../../../shared/api/profiles';
import { createDispatch, type Handlers } from '../api/dispatch';
import { profileHandlers } from './profileHandlers';
import { serviceFor } from './testSupport/profileFixtures';
import { useTempDataDir } from './testSupport/tempDataDir';

// Turning read-only off is a deliberate act: refused without `allowWrites: true`, logged with it.
describe('profiles.update turning read-only off', () => {
  const dataDir = useTempDataDir();
  afterEach(() => vi.restoreAllMocks());

  const input = (readOnly: boolean, extra: Partial<ProfileInput> = {}): ProfileInput =>
    ({ kind: 'standalone', name: 'Prod "main"', host: '10.1.2.3', port: 6379, readOnly, ...extra }) as ProfileInput;

  async function setUp() {
    const dispatch = createDispatch(profileHandlers(serviceFor(dataDir()).service) as Handlers);
    const created = await dispatch('profiles.create', { profile: input(true, { password: 'pw' }) });
    if (!created.ok) throw new Error(created.error.message);
    return { dispatch, id: (created.value as ProfileView).id };
  }

  it('is refused with READ_ONLY and the profile named, and nothing changes', async () => {
    const { dispatch, id } = await setUp();
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const result = await dispatch('profiles.update', { id, profile: input(false, { name: 'Renamed' }) });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'READ_ONLY',
        details: { reason: 'ALLOW_WRITES_REQUIRED', profileId: id, profileName: 'Prod "main"' },
      },
    });
    expect(await dispatch('profiles.list', {})).toMatchObject({
      ok: true,
      value: { profiles: [{ id, name: 'Prod "main"', readOnly: true, hasPassword: true }] },
    });
    expect(stderr).not.toHaveBeenCalled();
  });

  it('goes through with allowWrites: true, and core logs one line with the profile and the time', async () => {
    const { dispatch, id } = await setUp();
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const result = await dispatch('profiles.update', { id, profile: input(false), allowWrites: true });
    expect(result).toMatchObject({ ok: true, value: { id, readOnly: false, hasPassword: true } });
    const updatedAt = (result.ok && (result.value as ProfileView).updatedAt) || '';
    expect(stderr.mock.calls.map(([line]) => String(line))).toEqual([
      `[redlens] ${updatedAt} read-only turned OFF for profile "Prod \\"main\\"" (id ${id}): writes allowed\n`,
    ]);
  });

  it('needs no confirmation to turn it on, to keep it on, or to change a writable profile', async () => {
    const { dispatch, id } = await setUp();
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await dispatch('profiles.update', { id, profile: input(true, { db: 2 }) })).toMatchObject({ ok: true });
    expect(await dispatch('profiles.update', { id, profile: input(false), allowWrites: true })).toMatchObject({
      ok: true,
    });
    expect(await dispatch('profiles.update', { id, profile: input(false, { db: 3 }) })).toMatchObject({ ok: true });
    expect(await dispatch('profiles.update', { id, profile: input(true) })).toMatchObject({ ok: true });
    expect(stderr).toHaveBeenCalledTimes(1);
  });

  it('keeps the schema strict: allowWrites is `true` or absent', async () => {
    const { dispatch, id } = await setUp();
    for (const allowWrites of [false, 'yes', 1]) {
      expect(await dispatch('profiles.update', { id, profile: input(false), allowWrites })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION_FAILED' },
      });
    }
  });
});
