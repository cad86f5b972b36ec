import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { readProfilesFile } from './profilesFileRead';
import { serviceFor, standalone } from './testSupport/profileFixtures';
import { useTempDataDir } from './testSupport/tempDataDir';

// The parsed profiles file is cached: read and validated again only when it changed on disk.
const reads = vi.hoisted(() => ({ count: 0 }));
vi.mock('./profilesFileRead', async (importOriginal) => {
  const real = await importOriginal<{ readProfilesFile: typeof readProfilesFile }>();
  return {
    ...real,
    readProfilesFile: (file: string) => {
      reads.count++;
      return real.readProfilesFile(file);
    },
  };
});

describe('the profiles file cache', () => {
  const dataDir = useTempDataDir();

  it('lists, resolves and changes without re-reading a file that did not change', async () => {
    const { service } = serviceFor(dataDir());
    const a = await service.create(standalone('A', { password: 'pw' }));
    reads.count = 0;
    for (let i = 0; i < 20; i++) await service.list();
    await service.resolve(a.id);
    await service.update(a.id, standalone('A2'));
    await service.create(standalone('B'));
    expect((await service.list()).profiles.map((p) => p.name)).toEqual(['A2', 'B']);
    expect(reads.count).toBe(0);
  });

  it('sees what another instance (another window or process) saved', async () => {
    const one = serviceFor(dataDir()).service;
    const two = serviceFor(dataDir()).service;
    await one.create(standalone('A'));
    expect((await two.list()).profiles.map((p) => p.name)).toEqual(['A']);
    await two.create(standalone('B'));
    expect((await one.list()).profiles.map((p) => p.name)).toEqual(['A', 'B']);
    // A change by `one` builds on the file as `two` left it, not on its cached copy.
    await one.create(standalone('C'));
    expect((await two.list()).profiles.map((p) => p.name)).toEqual(['A', 'B', 'C']);
  });

  it('sees a hand edit in place (same inode) and a file replaced by hand', async () => {
    const { service } = serviceFor(dataDir());
    await service.create(standalone('Abc'));
    await service.list();
    const file = path.join(dataDir(), 'profiles.json');
    const edited = readFileSync(file, 'utf8').replace('"Abc"', '"Abcd"');
    writeFileSync(file, edited);
    expect((await service.list()).profiles.map((p) => p.name)).toEqual(['Abcd']);
    // Same size, other content: the mtime moved on.
    writeFileSync(file, edited.replace('"Abcd"', '"Wxyz"'));
    const later = new Date(Date.now() + 5_000);
    utimesSync(file, later, later);
    expect((await service.list()).profiles.map((p) => p.name)).toEqual(['Wxyz']);
  });
});
