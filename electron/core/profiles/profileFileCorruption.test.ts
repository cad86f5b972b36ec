import { mkdirSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProfilesRestored, StorageNotice } from '../../../shared/api/profiles';
import { failureOf, serviceFor, standalone } from './testSupport/profileFixtures';
import { useTempDataDir } from './testSupport/tempDataDir';

const corruptCopies = (dir: string, base = 'profiles.json') =>
  readdirSync(dir).filter((f) => f.startsWith(`${base}.corrupt-`));

/** Saves A, B and C (A with a password) with one app instance; returns the file paths. */
async function threeSaves(dir: string) {
  const { service } = serviceFor(dir);
  await service.create(standalone('A', { password: 'pw-a' }));
  await service.create(standalone('B'));
  await service.create(standalone('C'));
  const file = (suffix: string) => path.join(dir, `profiles.json${suffix}`);
  return { main: file(''), bak1: file('.bak.1'), bak2: file('.bak.2'), bak3: file('.bak.3') };
}

const garbage = Buffer.from([0x00, 0xff, 0x13, 0x37, 0xde, 0xad, 0xbe, 0xef, 0x00, 0x7b, 0x22]);
const restoredDetails = (n: StorageNotice | undefined): ProfilesRestored => {
  if (n?.code !== 'PROFILES_RESTORED') throw new Error(`not a PROFILES_RESTORED notice: ${JSON.stringify(n)}`);
  return n.details;
};

describe('backup generations', () => {
  const dataDir = useTempDataDir();

  it('.bak.1 always holds the latest saved state; .bak.2 and .bak.3 the saves before', async () => {
    const { service } = serviceFor(dataDir());
    const states: Buffer[] = [];
    const main = path.join(dataDir(), 'profiles.json');
    for (const name of ['A', 'B', 'C', 'D']) {
      await service.create(standalone(name));
      states.push(readFileSync(main));
      expect(readFileSync(`${main}.bak.1`)).toEqual(readFileSync(main));
    }
    expect(readFileSync(`${main}.bak.2`)).toEqual(states[2]);
    expect(readFileSync(`${main}.bak.3`)).toEqual(states[1]);
    for (const f of ['', '.bak.1', '.bak.2', '.bak.3']) expect(statSync(`${main}${f}`).mode & 0o777).toBe(0o600);
    expect(readdirSync(dataDir()).sort()).toEqual([
      'profiles.json',
      'profiles.json.bak.1',
      'profiles.json.bak.2',
      'profiles.json.bak.3',
    ]);
  });

  it('the first save after an upgrade keeps the old file as .bak.2 and leaves the old .bak alone', async () => {
    const { main, bak1, bak2, bak3 } = await threeSaves(dataDir());
    const before = readFileSync(main);
    // What Redlens ≤ 0.1 left: profiles.json and a one-save-behind profiles.json.bak.
    writeFileSync(`${main}.bak`, readFileSync(bak2));
    for (const f of [bak1, bak2, bak3]) unlinkSync(f);
    const legacy = readFileSync(`${main}.bak`);

    await serviceFor(dataDir()).service.create(standalone('D'));
    expect(readFileSync(bak1)).toEqual(readFileSync(main));
    expect(readFileSync(bak2)).toEqual(before);
    expect(readFileSync(`${main}.bak`)).toEqual(legacy);
  });
});

describe('a damaged or deleted profiles.json loses no saved profile', () => {
  const dataDir = useTempDataDir();

  it.each([
    ['truncated to half', (good: Buffer) => good.subarray(0, good.length / 2), /not valid JSON/],
    ['filled with garbage', () => garbage, /binary data/],
    [
      'with an invalid schema',
      (good: Buffer) => Buffer.from(good.toString().replace('"port": 6379', '"port": "six"')),
      /content is invalid: profiles\[0\]\.port/,
    ],
    ['deleted', undefined, undefined],
  ])('%s: after a restart every profile comes back, and the next change keeps them', async (_, damage, reason) => {
    const { main } = await threeSaves(dataDir());
    const good = readFileSync(main);
    if (damage) writeFileSync(main, damage(good));
    else unlinkSync(main);

    // A restart: a new service on the same data dir.
    const { service } = serviceFor(dataDir());
    const { profiles, notices } = await service.list();
    expect(profiles.map((p) => p.name)).toEqual(['A', 'B', 'C']);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.level).toBe('warning');
    const details = restoredDetails(notices[0]);
    expect(details).toMatchObject({
      file: main,
      backup: `${main}.bak.1`,
      restored: 3,
      skipped: [],
      missing: [],
      older: false,
    });
    if (reason) {
      expect(details.reason).toMatch(reason);
      const [copy] = corruptCopies(dataDir());
      expect(details.damagedCopy).toBe(path.join(dataDir(), copy!));
      expect(readFileSync(main)).toEqual(damage!(good));
      expect(readFileSync(details.damagedCopy!)).toEqual(damage!(good));
    } else {
      expect(details.reason).toBeUndefined();
    }
    expect(notices[0]!.message).toContain('restored 3 profiles from the backup');
    expect(notices[0]!.message).toContain('Nothing is missing.');

    // Listing again does not pile up copies.
    await service.list();
    expect(corruptCopies(dataDir())).toHaveLength(reason ? 1 : 0);

    await service.create(standalone('D'));
    const again = await serviceFor(dataDir()).service.list();
    expect(again).toMatchObject({
      notices: [],
      profiles: [{ name: 'A' }, { name: 'B' }, { name: 'C' }, { name: 'D' }],
    });
    expect((await service.resolve(profiles[0]!.id)).password).toBe('pw-a');
  });

  it('when the latest backup is damaged too, an older one is used and the missing profiles are named', async () => {
    const { main, bak1 } = await threeSaves(dataDir());
    const good = readFileSync(main);
    writeFileSync(main, good.subarray(0, Math.floor(good.length * 0.9)));
    writeFileSync(bak1, garbage);

    const { profiles, notices } = await serviceFor(dataDir()).service.list();
    expect(profiles.map((p) => p.name)).toEqual(['A', 'B']);
    expect(notices[0]!.level).toBe('error');
    expect(restoredDetails(notices[0])).toMatchObject({
      backup: `${main}.bak.2`,
      restored: 2,
      skipped: [{ file: bak1, reason: expect.stringMatching(/binary data/) }],
      missing: ['C'],
      older: true,
    });
    expect(notices[0]!.message).toContain('Not in the backup, so not restored: "C".');
  });

  it('with only an old-style .bak left, it is used and the notice says it may be older', async () => {
    const { main, bak1, bak2, bak3 } = await threeSaves(dataDir());
    writeFileSync(`${main}.bak`, readFileSync(bak2));
    for (const f of [main, bak1, bak2, bak3]) unlinkSync(f);
    const { profiles, notices } = await serviceFor(dataDir()).service.list();
    expect(profiles.map((p) => p.name)).toEqual(['A', 'B']);
    expect(restoredDetails(notices[0])).toMatchObject({ backup: `${main}.bak`, older: true, missing: [] });
  });

  it('a profiles.json that is not a regular file (here: a directory) is moved aside before the next save', async () => {
    const { main } = await threeSaves(dataDir());
    unlinkSync(main);
    mkdirSync(main);
    writeFileSync(path.join(main, 'inside.txt'), 'keep me');

    const { service } = serviceFor(dataDir());
    const { profiles, notices } = await service.list();
    expect(profiles.map((p) => p.name)).toEqual(['A', 'B', 'C']);
    expect(notices[0]!.message).toMatch(/it is not a regular file/);
    expect(notices[0]!.message).toContain(`before the next change is saved it is moved to ${main}.corrupt-<time>`);

    await service.create(standalone('D'));
    const [aside] = corruptCopies(dataDir());
    expect(readFileSync(path.join(dataDir(), aside!, 'inside.txt'), 'utf8')).toBe('keep me');
    expect(statSync(main).isFile()).toBe(true);
    expect((await service.list()).profiles.map((p) => p.name)).toEqual(['A', 'B', 'C', 'D']);
  });
});

describe('when nothing usable is left, writes are refused and nothing changes', () => {
  const dataDir = useTempDataDir();

  it.each([
    ['every backup is damaged', true],
    ['there is no backup', false],
  ])('the file is damaged and %s', async (_, withBackups) => {
    const { main, bak1, bak2, bak3 } = await threeSaves(dataDir());
    writeFileSync(main, '{"format": "redlens.profiles", "version": 1, "profiles": [');
    for (const f of [bak1, bak2, bak3]) {
      if (withBackups) writeFileSync(f, garbage);
      else unlinkSync(f);
    }
    const before = readdirSync(dataDir()).map((f) => [f, readFileSync(path.join(dataDir(), f))]);
    const { service, emitted } = serviceFor(dataDir());

    const { profiles, notices } = await service.list();
    expect(profiles).toEqual([]);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.level).toBe('error');
    expect(notices[0]!.message).toContain(`${main} could not be used: it is not valid JSON`);
    expect(notices[0]!.message).toMatch(
      withBackups ? /backup .*\.bak\.1 could not be used either: it contains binary data/ : /there is no backup/,
    );
    expect(notices[0]!.message).toMatch(/saves no changes until this is fixed/);

    const error = await failureOf(() => service.create(standalone('D')));
    expect(error.code).toBe('STORAGE_ERROR');
    expect(error.message).toBe(notices[0]!.message);
    for (const [f, bytes] of before) expect(readFileSync(path.join(dataDir(), f as string))).toEqual(bytes);
    expect(emitted).toEqual([]);
  });

  it('a file from a newer Redlens is left alone and writes are refused', async () => {
    const { main } = await threeSaves(dataDir());
    const newer = JSON.stringify({ format: 'redlens.profiles', version: 2, profiles: [{ whatever: true }] });
    writeFileSync(main, newer);
    const { service } = serviceFor(dataDir());
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
