import { chmodSync, existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiFailure } from '../api/apiFailure';
import { useTempDataDir } from '../profiles/testSupport/tempDataDir';
import { createKeyFileCipher, KEY_FILE_NAME } from './keyFileCipher';

const failure = (fn: () => unknown): ApiFailure => {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiFailure) return e;
    throw e;
  }
  throw new Error('expected an ApiFailure');
};

describe('createKeyFileCipher', () => {
  const dataDir = useTempDataDir('redlens-cipher-');
  const keyPath = () => path.join(dataDir(), KEY_FILE_NAME);

  it('round-trips any text, including empty and non-ASCII', () => {
    const cipher = createKeyFileCipher(dataDir());
    expect(cipher.scheme).toBe('aes-256-gcm');
    for (const plain of ['s3cret', '', 'pässwörd 🔑 with spaces', 'x'.repeat(4096)]) {
      expect(cipher.decrypt(cipher.encrypt(plain))).toBe(plain);
    }
  });

  it('uses the format v1.<iv>.<tag>.<data> with a fresh 12-byte IV each time', () => {
    const cipher = createKeyFileCipher(dataDir());
    const a = cipher.encrypt('same');
    const b = cipher.encrypt('same');
    expect(a).not.toBe(b);
    const [format, iv, tag, data] = a.split('.');
    expect(format).toBe('v1');
    expect(Buffer.from(iv!, 'base64')).toHaveLength(12);
    expect(Buffer.from(tag!, 'base64')).toHaveLength(16);
    expect(data).toBeTruthy();
    expect(iv).not.toBe(b.split('.')[1]);
    expect(a).not.toContain(Buffer.from('same').toString('base64'));
  });

  it('detects tampering with the data, the tag or the format', () => {
    const cipher = createKeyFileCipher(dataDir());
    const [format, iv, tag, data] = cipher.encrypt('top secret').split('.') as [string, string, string, string];
    const flip = (b64: string) => {
      const bytes = Buffer.from(b64, 'base64');
      bytes[0] = bytes[0]! ^ 1;
      return bytes.toString('base64');
    };
    for (const forged of [
      [format, iv, tag, flip(data)].join('.'),
      [format, iv, flip(tag), data].join('.'),
      [format, flip(iv), tag, data].join('.'),
      ['v9', iv, tag, data].join('.'),
      'not a ciphertext',
    ]) {
      const error = failure(() => cipher.decrypt(forged));
      expect(error.code).toBe('SECRETS_UNAVAILABLE');
      expect(error.message).toMatch(/could not be decrypted: it was altered/);
    }
  });

  it('creates the key lazily, 32 bytes, mode 0600, and reuses it in the next run', () => {
    const cipher = createKeyFileCipher(dataDir());
    expect(existsSync(keyPath())).toBe(false);
    const sealed = cipher.encrypt('persisted');
    const info = statSync(keyPath());
    expect(info.size).toBe(32);
    expect(info.mode & 0o777).toBe(0o600);
    expect(createKeyFileCipher(dataDir()).decrypt(sealed)).toBe('persisted');
    expect(readdirSync(dataDir())).toEqual([KEY_FILE_NAME]);
  });

  it('cannot decrypt with another data dir’s key', () => {
    const sealed = createKeyFileCipher(dataDir()).encrypt('mine');
    const other = path.join(dataDir(), 'other');
    expect(failure(() => createKeyFileCipher(other).decrypt(sealed)).code).toBe('SECRETS_UNAVAILABLE');
  });

  it.each([0o644, 0o640, 0o604])('refuses a key file with mode %o and says how to fix it', (mode) => {
    createKeyFileCipher(dataDir()).encrypt('x');
    chmodSync(keyPath(), mode);
    const error = failure(() => createKeyFileCipher(dataDir()).encrypt('y'));
    expect(error.code).toBe('SECRETS_UNAVAILABLE');
    expect(error.message).toContain(`chmod 600 '${keyPath()}'`);
    expect(error.message).toContain(`mode ${mode.toString(8)}`);
    chmodSync(keyPath(), 0o600);
    expect(createKeyFileCipher(dataDir()).encrypt('z')).toMatch(/^v1\./);
  });

  it('refuses a key file of the wrong size', () => {
    writeFileSync(keyPath(), Buffer.alloc(16), { mode: 0o600 });
    const error = failure(() => createKeyFileCipher(dataDir()).encrypt('x'));
    expect(error.code).toBe('SECRETS_UNAVAILABLE');
    expect(error.message).toMatch(/damaged: it holds 16 bytes instead of 32/);
  });

  it('creates a missing data dir private to the user', () => {
    const nested = path.join(dataDir(), 'a', 'b');
    createKeyFileCipher(nested).encrypt('x');
    expect(statSync(nested).mode & 0o777).toBe(0o700);
  });
});
