import { describe, expect, it } from 'vitest';
import { createDispatch, type Handlers } from '../api/dispatch';
import { profileHandlers } from './profileHandlers';
import { serviceFor } from './testSupport/profileFixtures';
import { useTempDataDir } from './testSupport/tempDataDir';

describe('profileHandlers through dispatch', () => {
  const dataDir = useTempDataDir();
  // Only the profiles.* methods are called here.
  const dispatchFor = (dir: string) => createDispatch(profileHandlers(serviceFor(dir).service) as Handlers);

  it('serves every profiles.* method with Result envelopes', async () => {
    const dispatch = dispatchFor(dataDir());
    const created = await dispatch('profiles.create', {
      profile: { kind: 'standalone', name: 'Local', host: '127.0.0.1', port: 6379, password: 'pw' },
    });
    expect(created).toMatchObject({
      ok: true,
      value: { name: 'Local', hasPassword: true, color: 'red', scanCount: 1000 },
    });
    const id = created.ok ? (created.value as { id: string }).id : '';

    const copy = await dispatch('profiles.duplicate', { id });
    expect(copy).toMatchObject({ ok: true, value: { name: 'Local (copy)' } });
    const copyId = copy.ok ? (copy.value as { id: string }).id : '';
    // Another address: the saved password is not kept for it (see secretBinding.int.test.ts).
    expect(
      await dispatch('profiles.update', { id, profile: { kind: 'standalone', name: 'Renamed', host: 'h', port: 1 } }),
    ).toMatchObject({ ok: true, value: { id, name: 'Renamed', hasPassword: false } });
    expect(await dispatch('profiles.reorder', { ids: [copyId, id] })).toMatchObject({
      ok: true,
      value: { profiles: [{ id: copyId }, { id }], notices: [] },
    });
    expect(await dispatch('profiles.parseUrl', { url: 'redis://h:7/1' })).toEqual({
      ok: true,
      value: { kind: 'standalone', host: 'h', port: 7, db: 1 },
    });
    const exported = await dispatch('profiles.export', { ids: [id] });
    expect(exported).toMatchObject({ ok: true, value: { fileName: expect.stringMatching(/\.json$/) } });
    const json = exported.ok ? (exported.value as { json: string }).json : '';
    expect(await dispatch('profiles.import', { json })).toMatchObject({ ok: true, value: { duplicates: ['Renamed'] } });
    expect(await dispatch('profiles.delete', { id })).toEqual({ ok: true, value: { id } });
    expect(await dispatch('profiles.list', {})).toMatchObject({ ok: true, value: { profiles: [{ id: copyId }] } });
  });

  it('maps failures to stable codes', async () => {
    const dispatch = dispatchFor(dataDir());
    expect(await dispatch('profiles.delete', { id: 'gone' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await dispatch('profiles.parseUrl', { url: 'ftp://x' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('Unknown URL scheme') },
    });
    expect(await dispatch('profiles.import', { json: '{' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(
      await dispatch('profiles.create', { profile: { kind: 'standalone', name: '', host: 'h', port: 0 } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
  });
});
