import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { failureOf, sentinel, serviceFor, standalone } from './testSupport/profileFixtures';
import { useTempDataDir } from './testSupport/tempDataDir';

describe('profileService: create, list, update, delete', () => {
  const dataDir = useTempDataDir();

  it('starts empty, then lists created profiles in creation order with views and timestamps', async () => {
    const { service, emitted } = serviceFor(dataDir());
    expect(await service.list()).toEqual({ profiles: [], notices: [] });
    const a = await service.create(standalone('Cache', { port: 6380, group: 'prod', color: 'blue' }));
    const b = await service.create(sentinel('HA'));
    expect(a).toMatchObject({
      kind: 'standalone',
      name: 'Cache',
      host: '127.0.0.1',
      port: 6380,
      group: 'prod',
      color: 'blue',
    });
    expect(a.id).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(a.createdAt).toBe(a.updatedAt);
    expect(b).toMatchObject({ kind: 'sentinel', masterName: 'mymaster', role: 'master', hasSentinelPassword: false });
    expect((await service.list()).profiles.map((p) => p.name)).toEqual(['Cache', 'HA']);
    expect(emitted).toEqual(['profiles.changed', 'profiles.changed']);
  });

  it('writes a versioned, private profiles.json', async () => {
    const { service } = serviceFor(dataDir());
    await service.create(standalone('One'));
    const file = path.join(dataDir(), 'profiles.json');
    const json = JSON.parse(readFileSync(file, 'utf8'));
    expect(json).toMatchObject({ format: 'redlens.profiles', version: 1, profiles: [{ name: 'One' }] });
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('update replaces the settings, keeps id and createdAt, and emits', async () => {
    const { service, emitted } = serviceFor(dataDir());
    const created = await service.create(standalone('Old', { readOnly: false }));
    await new Promise((r) => setTimeout(r, 5));
    const updated = await service.update(created.id, standalone('New', { host: 'redis.internal', readOnly: true }));
    expect(updated).toMatchObject({ id: created.id, name: 'New', host: 'redis.internal', readOnly: true });
    expect(updated.createdAt).toBe(created.createdAt);
    expect(updated.updatedAt > created.updatedAt).toBe(true);
    expect((await service.list()).profiles).toEqual([updated]);
    expect(emitted).toHaveLength(2);
  });

  it('delete removes only that profile', async () => {
    const { service } = serviceFor(dataDir());
    const [a, b, c] = [
      await service.create(standalone('A')),
      await service.create(standalone('B')),
      await service.create(standalone('C')),
    ];
    await service.delete(b.id);
    expect((await service.list()).profiles.map((p) => p.id)).toEqual([a.id, c.id]);
  });

  it('answers NOT_FOUND for an unknown id, and emits nothing', async () => {
    const { service, emitted } = serviceFor(dataDir());
    await service.create(standalone('A'));
    emitted.length = 0;
    for (const call of [
      () => service.update('nope', standalone('X')),
      () => service.duplicate('nope'),
      () => service.delete('nope'),
      () => service.resolve('nope'),
      () => service.resolveDraft(standalone('X'), 'nope'),
      () => service.exportProfiles(['nope']),
    ]) {
      const error = await failureOf(call);
      expect(error.code).toBe('NOT_FOUND');
      expect(error.message).toMatch(/^That connection profile no longer exists/);
    }
    expect(emitted).toEqual([]);
  });
});

describe('profileService: duplicate and reorder', () => {
  const dataDir = useTempDataDir();

  it('duplicate names the copy "X (copy)", "X (copy 2)"… and places it right after the original', async () => {
    const { service } = serviceFor(dataDir());
    const a = await service.create(standalone('A', { password: 'pw-a' }));
    const b = await service.create(standalone('B'));
    const copy1 = await service.duplicate(a.id);
    const copy2 = await service.duplicate(a.id);
    const copy3 = await service.duplicate(copy1.id);
    expect([copy1.name, copy2.name, copy3.name]).toEqual(['A (copy)', 'A (copy 2)', 'A (copy 3)']);
    expect((await service.list()).profiles.map((p) => p.name)).toEqual([
      'A',
      'A (copy 2)',
      'A (copy)',
      'A (copy 3)',
      'B',
    ]);
    expect(new Set([a.id, b.id, copy1.id, copy2.id, copy3.id]).size).toBe(5);
    expect(copy1).toMatchObject({ hasPassword: true, host: '127.0.0.1', port: 6379 });
    expect((await service.resolve(copy1.id)).password).toBe('pw-a');
  });

  it('duplicate keeps the name within 100 characters', async () => {
    const { service } = serviceFor(dataDir());
    const long = await service.create(standalone('n'.repeat(100)));
    const copy = await service.duplicate(long.id);
    expect(copy.name).toHaveLength(100);
    expect(copy.name.endsWith(' (copy)')).toBe(true);
  });

  it('reorder applies a permutation and returns the list', async () => {
    const { service, emitted } = serviceFor(dataDir());
    const ids: string[] = [];
    for (const name of ['A', 'B', 'C']) ids.push((await service.create(standalone(name))).id);
    const list = await service.reorder([ids[2]!, ids[0]!, ids[1]!]);
    expect(list.profiles.map((p) => p.name)).toEqual(['C', 'A', 'B']);
    expect((await service.list()).profiles.map((p) => p.name)).toEqual(['C', 'A', 'B']);
    expect(emitted).toHaveLength(4);
  });

  it.each([
    ['a missing id', (ids: string[]) => ids.slice(1), /leaves out 1 saved profile/],
    ['an unknown id', (ids: string[]) => [...ids, 'ghost'], /includes 1 profile that no longer exists/],
    ['a repeated id', (ids: string[]) => [...ids.slice(1), ids[1]!], /more than once and leaves out 1 saved profile/],
  ])('reorder refuses %s with VALIDATION_FAILED', async (_, mangle, message) => {
    const { service } = serviceFor(dataDir());
    const ids: string[] = [];
    for (const name of ['A', 'B', 'C']) ids.push((await service.create(standalone(name))).id);
    const error = await failureOf(() => service.reorder(mangle(ids)));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toMatch(message);
    expect((await service.list()).profiles.map((p) => p.name)).toEqual(['A', 'B', 'C']);
  });

  it('parseUrl fills a draft', async () => {
    const { service } = serviceFor(dataDir());
    expect(await service.parseUrl('rediss://u:p@h:1/2')).toEqual({
      kind: 'standalone',
      host: 'h',
      port: 1,
      username: 'u',
      password: 'p',
      db: 2,
      tls: { enabled: true },
    });
  });
});
