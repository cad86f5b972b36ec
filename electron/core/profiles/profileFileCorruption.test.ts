import { mkdirSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { failureOf, serviceFor, standalone } from './testSupport/profileFixtures';
import { useTempDataDir } from './testSupport/tempDataDir';

const corruptCopies = (dir: string, base = 'profiles.json') =>
  readdirSync(dir).filter((f) => f.startsWith(`${base}.corrupt-`));

/** Saves A, then B: profiles.json holds [A, B] and profiles.json.bak holds [A]. */
async function twoSaves(dir: string) {
  const { service, emitted } = serviceFor(dir);
  await service.create(standalone('A', { password: 'pw-a' }));
  await service.create(standalone('B'));
  return { service, emitted, main: path.join(dir, 'profiles.json'), bak: path.join(dir, 'profiles.json.bak') };
}

const garbage = Buffer.from([0x00, 0xff, 0x13, 0x37, 0xde, 0xad, 0xbe, 0xef, 0x00, 0x7b, 0x22]);

describe('a damaged profiles.json', () => {
  const dataDir = useTempDataDir();

  it.each([
    ['truncated JSON', (good: string) => good.slice(0, good.length / 2), /not valid JSON/],
    [
      'an invalid schema',
      (good: string) => good.replace('"port": 6379', '"port": "six"'),
      /content is invalid: profiles\[0\]\.port/,
    ],
    ['binary garbage', () => garbage, /binary data/],
  ])('with %s: the backup is loaded, the user is told, the damaged file is kept', async (_, damage, reason) => {
    const { service, main, bak } = await twoSaves(dataDir());
    const damaged = Buffer.from(damage(readFileSync(main, 'utf8')));
    writeFileSync(main, damaged);
    const backupBytes = readFileSync(bak);

    const { profiles, notices } = await service.list();
    expect(profiles.map((p) => p.name)).toEqual(['A']);
    expect(notices).toHaveLength(1);
    const [copy] = corruptCopies(dataDir());
    expect(copy).toMatch(/^profiles\.json\.corrupt-\d{4}-\d\d-\d\dT[\d-]+Z$/);
    expect(notices[0]!.level).toBe('warning');
    expect(notices[0]!.message).toContain(`${main} could not be used`);
    expect(notices[0]!.message).toMatch(reason);
    expect(notices[0]!.message).toContain(`loaded the backup ${bak}`);
    expect(notices[0]!.message).toContain('1 profile');
    expect(notices[0]!.message).toContain(`kept as ${path.join(dataDir(), copy!)}`);
    expect(readFileSync(main)).toEqual(damaged);
    expect(readFileSync(path.join(dataDir(), copy!))).toEqual(damaged);

    // Listing again does not pile up copies.
    await service.list();
    expect(corruptCopies(dataDir())).toEqual([copy]);

    // The next change saves the backup's profiles plus the change; the damaged copy stays.
    await service.create(standalone('C'));
    expect(await service.list()).toMatchObject({ notices: [], profiles: [{ name: 'A' }, { name: 'C' }] });
    expect(readFileSync(path.join(dataDir(), copy!))).toEqual(damaged);
    expect(corruptCopies(dataDir())).toEqual([copy]);
    expect(readFileSync(bak)).toEqual(backupBytes);
    expect((await service.resolve(profiles[0]!.id)).password).toBe('pw-a');
  });

  it('an unreadable profiles.json (here: a directory) is moved aside before the next save, never deleted', async () => {
    const { service, main } = await twoSaves(dataDir());
    unlinkSync(main);
    mkdirSync(main);
    writeFileSync(path.join(main, 'inside.txt'), 'keep me');

    const { profiles, notices } = await service.list();
    expect(profiles.map((p) => p.name)).toEqual(['A']);
    expect(notices[0]!.message).toMatch(/cannot be read \(EISDIR\)/);
    expect(notices[0]!.message).toContain(`before the next change is saved it is moved to ${main}.corrupt-<time>`);

    await service.create(standalone('C'));
    const [aside] = corruptCopies(dataDir());
    expect(readFileSync(path.join(dataDir(), aside!, 'inside.txt'), 'utf8')).toBe('keep me');
    expect(statSync(main).isFile()).toBe(true);
    expect((await service.list()).profiles.map((p) => p.name)).toEqual(['A', 'C']);
  });

  it('a missing profiles.json with a good backup: the backup is loaded and the user is told', async () => {
    const { service, main, bak } = await twoSaves(dataDir());
    unlinkSync(main);
    const { profiles, notices } = await service.list();
    expect(profiles.map((p) => p.name)).toEqual(['A']);
    expect(notices).toEqual([
      { level: 'warning', message: expect.stringContaining(`${main} is missing. Redlens loaded the backup ${bak}`) },
    ]);
    await service.create(standalone('C'));
    expect((await service.list()).profiles.map((p) => p.name)).toEqual(['A', 'C']);
  });
});

describe('when nothing usable is left, writes are refused and nothing changes', () => {
  const dataDir = useTempDataDir();

  it.each([
    ['both files are damaged', true],
    ['the file is damaged and there is no backup', false],
  ])('%s', async (_, withBackup) => {
    const { service, emitted, main, bak } = await twoSaves(dataDir());
    writeFileSync(main, '{"format": "redlens.profiles", "version": 1, "profiles": [');
    if (withBackup) writeFileSync(bak, garbage);
    else unlinkSync(bak);
    const before = { main: readFileSync(main), bak: withBackup ? readFileSync(bak) : undefined };
    emitted.length = 0;

    const { profiles, notices } = await service.list();
    expect(profiles).toEqual([]);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.level).toBe('error');
    expect(notices[0]!.message).toContain(`${main} could not be used: it is not valid JSON`);
    expect(notices[0]!.message).toMatch(
      withBackup ? /backup .* could not be used either: it contains binary data/ : /there is no backup/,
    );
    expect(notices[0]!.message).toMatch(/saves no changes until this is fixed/);

    const error = await failureOf(() => service.create(standalone('C')));
    expect(error.code).toBe('STORAGE_ERROR');
    expect(error.message).toBe(notices[0]!.message);
    expect(readFileSync(main)).toEqual(before.main);
    if (withBackup) expect(readFileSync(bak)).toEqual(before.bak);
    else expect(readdirSync(dataDir())).not.toContain('profiles.json.bak');
    expect(emitted).toEqual([]);
  });

  it('a file from a newer Redlens is left alone and writes are refused', async () => {
    const { service, main } = await twoSaves(dataDir());
    const newer = JSON.stringify({ format: 'redlens.profiles', version: 2, profiles: [{ whatever: true }] });
    writeFileSync(main, newer);
    const { profiles, notices } = await service.list();
    expect(profiles).toEqual([]);
    expect(notices).toEqual([
      {
        level: 'error',
        message: expect.stringMatching(
          /saved by a newer version of Redlens \(profiles format 2; this version understands format 1\)/,
        ),
      },
    ]);
    const error = await failureOf(() => service.delete('anything'));
    expect(error.code).toBe('STORAGE_ERROR');
    expect(error.message).toMatch(/Update Redlens/);
    expect(readFileSync(main, 'utf8')).toBe(newer);
    expect(corruptCopies(dataDir())).toEqual([]);
  });
});
