import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type * as fsPromises from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { failureOf, serviceFor, standalone } from './testSupport/profileFixtures';
import { useTempDataDir } from './testSupport/tempDataDir';

// Reads the OS refuses for now (EACCES, EMFILE…) are not damage. Tests run as root here, so
// chmod cannot produce EACCES: file opens/reads of chosen paths fail through this fault switch.
const faults = vi.hoisted(() => new Map<string, string>());
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof fsPromises>();
  const failIfChosen = (file: unknown) => {
    const errno = typeof file === 'string' ? faults.get(file) : undefined;
    if (errno) throw Object.assign(new Error(`${errno}: simulated, open '${String(file)}'`), { code: errno });
  };
  const open: typeof real.open = async (file, ...rest) => {
    failIfChosen(file);
    return real.open(file, ...rest);
  };
  const readFile = (async (file: Parameters<typeof real.readFile>[0], ...rest: unknown[]) => {
    failIfChosen(file);
    return (real.readFile as (...a: unknown[]) => unknown)(file, ...rest);
  }) as typeof real.readFile;
  return { ...real, default: { ...real, open, readFile }, open, readFile };
});

const snapshot = (dir: string) =>
  Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(path.join(dir, f)).toString('base64')]));

describe('a transient read error is a storage error, not damage', () => {
  const dataDir = useTempDataDir();
  afterEach(() => faults.clear());

  async function threeSaves() {
    const { service } = serviceFor(dataDir());
    for (const name of ['A', 'B', 'C']) await service.create(standalone(name));
    return path.join(dataDir(), 'profiles.json');
  }

  it.each(['EACCES', 'EMFILE', 'EIO'])(
    '%s on profiles.json: list and save fail with STORAGE_ERROR; no backup is used, nothing is written',
    async (errno) => {
      const main = await threeSaves();
      const before = snapshot(dataDir());
      const { service, emitted } = serviceFor(dataDir());
      faults.set(main, errno);

      const listed = await failureOf(() => service.list());
      expect(listed).toMatchObject({ code: 'STORAGE_ERROR', details: { file: main, errno } });
      expect(listed.message).toContain(`Could not read ${main} (${errno})`);
      expect(await failureOf(() => service.create(standalone('D')))).toMatchObject({ code: 'STORAGE_ERROR' });
      expect(snapshot(dataDir())).toEqual(before);
      expect(emitted).toEqual([]);

      faults.clear();
      expect(await service.list()).toMatchObject({
        notices: [],
        profiles: [{ name: 'A' }, { name: 'B' }, { name: 'C' }],
      });
    },
  );

  it('an unreadable newest backup behind a damaged file stops the load instead of using an older one', async () => {
    const main = await threeSaves();
    writeFileSync(main, 'garbage');
    faults.set(`${main}.bak.1`, 'EMFILE');
    const { service } = serviceFor(dataDir());
    expect(await failureOf(() => service.list())).toMatchObject({
      code: 'STORAGE_ERROR',
      details: { file: `${main}.bak.1`, errno: 'EMFILE' },
    });
    faults.clear();
    expect((await service.list()).profiles.map((p) => p.name)).toEqual(['A', 'B', 'C']);
  });
});
