import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EventBus } from '../events/eventBus';
import { createKeyFileCipher } from '../secrets/keyFileCipher';
import { createProfileService } from './profileService';
import { failureOf, sentinel, serviceFor, standalone } from './testSupport/profileFixtures';
import { useTempDataDir } from './testSupport/tempDataDir';

const DATA = 'data-Pässword-4711';
const SENTINEL = 'sentinel-secret-0815';
const PASSPHRASE = 'tls-key-passphrase-42';
const SECRETS = [DATA, SENTINEL, PASSPHRASE];

/** Every encoding a careless implementation might store a secret in. */
const forms = (secret: string) => [
  Buffer.from(secret, 'utf8'),
  Buffer.from(secret, 'utf16le'),
  Buffer.from(Buffer.from(secret).toString('base64')),
  Buffer.from(Buffer.from(secret).toString('base64').slice(0, -2)),
  Buffer.from(Buffer.from(secret).toString('hex')),
];

describe('secrets are encrypted at rest', () => {
  const dataDir = useTempDataDir();

  it('no file in the data dir holds a password in clear or base64; views never carry one; resolve() does', async () => {
    const { service } = serviceFor(dataDir());
    const tls = { enabled: true, keyFile: '/etc/redis/client.key', keyPassphrase: PASSPHRASE, verify: true };
    const a = await service.create(standalone('Plain', { password: DATA, tls }));
    const b = await service.create(sentinel('HA', { password: DATA, sentinelPassword: SENTINEL, tls }));
    await service.duplicate(b.id);
    await service.update(a.id, standalone('Plain 2', { tls: { enabled: true, verify: true } }));

    const files = readdirSync(dataDir());
    expect(files.sort()).toEqual([
      'profiles.json',
      'profiles.json.bak.1',
      'profiles.json.bak.2',
      'profiles.json.bak.3',
      'secret.key',
    ]);
    for (const file of files) {
      const bytes = readFileSync(path.join(dataDir(), file));
      for (const secret of SECRETS)
        for (const form of forms(secret)) expect(bytes.includes(form), `${secret} in ${file}`).toBe(false);
    }

    const list = JSON.stringify(await service.list());
    const exported = (await service.exportProfiles([a.id, b.id])).json;
    for (const secret of SECRETS) {
      expect(list).not.toContain(secret);
      expect(exported).not.toContain(secret);
    }
    const views = (await service.list()).profiles;
    expect(views[0]).toMatchObject({ hasPassword: true, tls: { hasKeyPassphrase: true } });
    expect(views[1]).toMatchObject({ hasPassword: true, hasSentinelPassword: true, tls: { hasKeyPassphrase: true } });

    expect(await service.resolve(a.id)).toMatchObject({
      id: a.id,
      name: 'Plain 2',
      password: DATA,
      tls: { keyPassphrase: PASSPHRASE },
    });
    expect(await service.resolve(b.id)).toMatchObject({
      password: DATA,
      sentinelPassword: SENTINEL,
      tls: { keyPassphrase: PASSPHRASE },
    });
  });

  it('stores each secret as { scheme, data } ciphertext', async () => {
    const { service } = serviceFor(dataDir());
    await service.create(standalone('A', { password: DATA }));
    const stored = JSON.parse(readFileSync(path.join(dataDir(), 'profiles.json'), 'utf8')).profiles[0];
    expect(stored.password).toEqual({ scheme: 'aes-256-gcm', data: expect.stringMatching(/^v1\./) });
  });

  it('saves nothing when secrets cannot be encrypted', async () => {
    const events = new EventBus();
    const cipher = {
      scheme: 'broken',
      encrypt: () => {
        throw Object.assign(new Error('no keyring'), { code: 'SECRETS_UNAVAILABLE' });
      },
      decrypt: () => '',
    };
    const service = createProfileService({ dataDir: dataDir(), cipher, events });
    expect((await failureOf(() => service.create(standalone('A', { password: 'x' })))).message).toBe('no keyring');
    expect((await service.list()).profiles).toEqual([]);
  });
});

describe('update keeps, clears or replaces each secret', () => {
  const dataDir = useTempDataDir();

  async function saved() {
    const { service } = serviceFor(dataDir());
    const view = await service.create(
      sentinel('HA', {
        password: DATA,
        sentinelPassword: SENTINEL,
        tls: { enabled: true, keyFile: '/k.pem', keyPassphrase: PASSPHRASE, verify: true },
      }),
    );
    return { service, id: view.id };
  }
  const tls = (keyPassphrase?: string | null) => ({ enabled: true, keyFile: '/k.pem', keyPassphrase, verify: true });

  it('undefined keeps every saved secret', async () => {
    const { service, id } = await saved();
    const view = await service.update(id, sentinel('HA renamed', { tls: tls() }));
    expect(view).toMatchObject({ hasPassword: true, hasSentinelPassword: true, tls: { hasKeyPassphrase: true } });
    expect(await service.resolve(id)).toMatchObject({
      password: DATA,
      sentinelPassword: SENTINEL,
      tls: { keyPassphrase: PASSPHRASE },
    });
  });

  it('null clears each secret', async () => {
    const { service, id } = await saved();
    const view = await service.update(id, sentinel('HA', { password: null, sentinelPassword: null, tls: tls(null) }));
    expect(view).toMatchObject({ hasPassword: false, hasSentinelPassword: false, tls: { hasKeyPassphrase: false } });
    const resolved = await service.resolve(id);
    expect([resolved.password, resolved.sentinelPassword, resolved.tls.keyPassphrase]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('a string replaces each secret', async () => {
    const { service, id } = await saved();
    await service.update(
      id,
      sentinel('HA', { password: 'new-data', sentinelPassword: 'new-sentinel', tls: tls('new-pass') }),
    );
    expect(await service.resolve(id)).toMatchObject({
      password: 'new-data',
      sentinelPassword: 'new-sentinel',
      tls: { keyPassphrase: 'new-pass' },
    });
  });

  it('changing a sentinel profile to standalone connects elsewhere: every saved secret is dropped', async () => {
    const { service, id } = await saved();
    const view = await service.update(id, standalone('Now standalone', { tls: tls() }));
    expect(view).toMatchObject({ kind: 'standalone', hasPassword: false, tls: { hasKeyPassphrase: false } });
    expect(view).not.toHaveProperty('hasSentinelPassword');
    const stored = JSON.parse(readFileSync(path.join(dataDir(), 'profiles.json'), 'utf8')).profiles[0];
    expect(stored).not.toHaveProperty('sentinelPassword');
    expect(stored).not.toHaveProperty('password');
    const back = await service.update(id, sentinel('Sentinel again', { tls: tls() }));
    expect(back).toMatchObject({ hasSentinelPassword: false, hasPassword: false });
  });

  it('resolveDraft for another address decrypts nothing saved', async () => {
    const { service, id } = await saved();
    const elsewhere = await service.resolveDraft(
      sentinel('Draft', { sentinels: [{ host: 'evil.example', port: 26379 }], tls: tls() }),
      id,
    );
    expect(elsewhere).toMatchObject({ id, password: undefined, sentinelPassword: undefined });
    expect(elsewhere.tls.keyPassphrase).toBeUndefined();
  });

  it('resolveDraft: with an id, secrets left undefined come from the saved profile; null means none', async () => {
    const { service, id } = await saved();
    const kept = await service.resolveDraft(sentinel('Draft', { db: 3, tls: tls() }), id);
    expect(kept).toMatchObject({
      id,
      name: 'Draft',
      db: 3,
      password: DATA,
      sentinelPassword: SENTINEL,
      tls: { keyPassphrase: PASSPHRASE },
    });
    const cleared = await service.resolveDraft(
      sentinel('Draft', { password: null, sentinelPassword: 'typed', tls: tls(null) }),
      id,
    );
    expect(cleared).toMatchObject({
      password: undefined,
      sentinelPassword: 'typed',
      tls: { keyPassphrase: undefined },
    });
    const unsaved = await service.resolveDraft(standalone('New', { password: 'typed' }));
    expect(unsaved).toMatchObject({ name: 'New', password: 'typed' });
    expect(unsaved.id).toBeUndefined();
  });
});

describe('secrets sealed by another cipher', () => {
  const dataDir = useTempDataDir();

  it('lists a warning and refuses to resolve with SECRETS_UNAVAILABLE', async () => {
    const { service } = serviceFor(dataDir());
    const view = await service.create(standalone('Desktop one', { password: DATA }));
    const file = path.join(dataDir(), 'profiles.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"aes-256-gcm"', '"safeStorage"'));

    const other = createProfileService({
      dataDir: dataDir(),
      cipher: createKeyFileCipher(dataDir()),
      events: new EventBus(),
    });
    const { notices } = await other.list();
    expect(notices).toEqual([
      { level: 'warning', message: expect.stringMatching(/"Desktop one".*desktop app's OS keyring \(safeStorage\)/) },
    ]);
    const error = await failureOf(() => other.resolve(view.id));
    expect(error.code).toBe('SECRETS_UNAVAILABLE');
    expect(error.message).toMatch(/saved password of "Desktop one".*enter it again/);
  });
});
