import { describe, expect, it } from 'vitest';
import { failureOf, sentinel, serviceFor, standalone } from './testSupport/profileFixtures';
import { useTempDataDir } from './testSupport/tempDataDir';

describe('export and import', () => {
  const dataDir = useTempDataDir();

  async function exportOf(dir: string) {
    const { service } = serviceFor(dir);
    const a = await service.create(standalone('Cache', { password: 'pw-cache', group: 'prod', db: 2 }));
    const b = await service.create(
      sentinel('HA', {
        sentinelPassword: 'pw-sentinel',
        tls: { enabled: true, keyPassphrase: 'pw-tls', verify: false },
      }),
    );
    return service.exportProfiles([a.id, b.id]);
  }

  it('exports the settings without secrets or ids, in a dated file', async () => {
    const exported = await exportOf(dataDir());
    expect(exported.fileName).toMatch(/^redlens-profiles-\d{4}-\d\d-\d\d\.json$/);
    const body = JSON.parse(exported.json);
    expect(body).toMatchObject({ format: 'redlens.profiles.export', version: 1, exportedAt: expect.any(String) });
    expect(body.profiles).toHaveLength(2);
    expect(body.profiles[0]).toMatchObject({
      kind: 'standalone',
      name: 'Cache',
      group: 'prod',
      db: 2,
      host: '127.0.0.1',
    });
    expect(body.profiles[1]).toMatchObject({
      kind: 'sentinel',
      masterName: 'mymaster',
      tls: { enabled: true, verify: false },
    });
    for (const p of body.profiles) {
      for (const key of ['id', 'password', 'sentinelPassword', 'createdAt', 'updatedAt'])
        expect(p).not.toHaveProperty(key);
      expect(p.tls).not.toHaveProperty('keyPassphrase');
    }
    expect(exported.json).not.toMatch(/pw-|aes-256-gcm|"scheme"/);
  });

  it('round-trips into another data dir, then skips the same profiles as duplicates', async () => {
    const exported = await exportOf(dataDir());
    const { service, emitted } = serviceFor(`${dataDir()}/other`);
    const report = await service.importProfiles(exported.json);
    expect(report.imported.map((p) => p.name)).toEqual(['Cache', 'HA']);
    expect(report).toMatchObject({ duplicates: [], invalid: [] });
    expect(report.imported[0]).toMatchObject({ group: 'prod', db: 2, hasPassword: false });
    expect(report.imported[1]).toMatchObject({
      hasSentinelPassword: false,
      tls: { enabled: true, verify: false, hasKeyPassphrase: false },
    });
    expect((await service.list()).profiles).toEqual(report.imported);
    expect(emitted).toEqual(['profiles.changed']);

    const again = await service.importProfiles(exported.json);
    expect(again).toEqual({ imported: [], duplicates: ['Cache', 'HA'], invalid: [] });
    expect(emitted).toEqual(['profiles.changed']);
  });

  it('a duplicate needs the same name and the same address (sentinel set in any order + master name)', async () => {
    const { service } = serviceFor(dataDir());
    await service.create(standalone('Cache', { port: 6379 }));
    await service.create(sentinel('HA'));
    const entry = (over: object) => ({ kind: 'standalone', name: 'Cache', host: '127.0.0.1', port: 6379, ...over });
    const ha = (over: object) => ({
      kind: 'sentinel',
      name: 'HA',
      sentinels: [
        { host: '10.0.0.2', port: 26379 },
        { host: '10.0.0.1', port: 26379 },
      ],
      masterName: 'mymaster',
      ...over,
    });
    const json = JSON.stringify({
      format: 'redlens.profiles.export',
      version: 1,
      profiles: [
        entry({}),
        entry({ port: 6380 }),
        entry({ name: 'Cache 2' }),
        ha({}),
        ha({ masterName: 'other' }),
        entry({ host: '127.0.0.1' }),
      ],
    });
    const report = await service.importProfiles(json);
    expect(report.duplicates).toEqual(['Cache', 'HA', 'Cache']);
    expect(report.imported.map((p) => [p.name, p.kind === 'sentinel' ? p.masterName : p.port])).toEqual([
      ['Cache', 6380],
      ['Cache 2', 6379],
      ['HA', 'other'],
    ]);
  });

  it('reports invalid entries with index, name and reason, and imports the rest', async () => {
    const { service } = serviceFor(dataDir());
    const json = JSON.stringify({
      format: 'redlens.profiles.export',
      version: 1,
      profiles: [
        { kind: 'standalone', name: 'Good', host: 'h', port: 1 },
        { kind: 'standalone', name: 'Bad port', host: 'h', port: 70000 },
        'not an object',
        { kind: 'sentinel', name: 'No master', sentinels: [{ host: 'h', port: 26379 }] },
        { kind: 'standalone', name: 'Extra field', host: 'h', port: 2, id: 'x' },
      ],
    });
    const report = await service.importProfiles(json);
    expect(report.imported.map((p) => p.name)).toEqual(['Good']);
    expect(report.invalid).toEqual([
      { index: 1, name: 'Bad port', reason: 'port: Port must be 1–65535' },
      { index: 2, reason: expect.stringMatching(/expected object/) },
      { index: 3, name: 'No master', reason: expect.stringMatching(/^masterName: /) },
      { index: 4, name: 'Extra field', reason: expect.stringMatching(/Unrecognized key.*"id"/) },
    ]);
  });

  it.each([
    ['not JSON at all', /not a Redlens profiles export: it is not valid JSON/],
    ['{"profiles": []}', /expected "format": "redlens.profiles.export"/],
    [
      '{"format": "redlens.profiles", "version": 1, "profiles": []}',
      /Redlens's own redlens.profiles storage file, not an export/,
    ],
    ['{"format": "redlens.profiles.export", "version": 2, "profiles": []}', /made by a newer Redlens \(version 2/],
    ['{"format": "redlens.profiles.export", "version": 1}', /has no "profiles" list/],
  ])('refuses %s with VALIDATION_FAILED', async (json, message) => {
    const { service, emitted } = serviceFor(dataDir());
    const error = await failureOf(() => service.importProfiles(json));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toMatch(message);
    expect(emitted).toEqual([]);
  });

  it('imports passwords written by hand into an export file, encrypted', async () => {
    const { service } = serviceFor(dataDir());
    const json = JSON.stringify({
      format: 'redlens.profiles.export',
      version: 1,
      profiles: [{ kind: 'standalone', name: 'Typed', host: 'h', port: 1, password: 'by-hand' }],
    });
    const [view] = (await service.importProfiles(json)).imported;
    expect(view).toMatchObject({ hasPassword: true });
    expect((await service.resolve(view!.id)).password).toBe('by-hand');
  });
});
