import { describe, expect, it } from 'vitest';
import { createSafeStorageCipher, type SafeStorageLike } from './safeStorageCipher';

// Electron's safeStorage cannot run here (no binary): a reversible stand-in with its API shape.
const fakeSafeStorage = (available: boolean, backend: string): SafeStorageLike => ({
  isEncryptionAvailable: () => available,
  encryptString: (s: string) => Buffer.from([...Buffer.from(s)].map((b) => b ^ 0x5a)),
  decryptString: (b: Buffer) => Buffer.from([...b].map((x) => x ^ 0x5a)).toString(),
  getSelectedStorageBackend: () => backend as ReturnType<NonNullable<SafeStorageLike['getSelectedStorageBackend']>>,
});

describe('createSafeStorageCipher', () => {
  it('round-trips through safeStorage', () => {
    const cipher = createSafeStorageCipher(fakeSafeStorage(true, 'gnome_libsecret'), 'linux');
    const ct = cipher.encrypt('hunter2');
    expect(ct).not.toContain('hunter2');
    expect(cipher.decrypt(ct)).toBe('hunter2');
  });
  it('refuses Linux basic_text with a way out', () => {
    const cipher = createSafeStorageCipher(fakeSafeStorage(true, 'basic_text'), 'linux');
    expect(() => cipher.encrypt('x')).toThrow(/keyring/);
  });
  it('refuses when encryption is unavailable', () => {
    const cipher = createSafeStorageCipher(fakeSafeStorage(false, 'unknown'), 'darwin');
    expect(() => cipher.encrypt('x')).toThrow(expect.objectContaining({ code: 'SECRETS_UNAVAILABLE' }));
  });
});
