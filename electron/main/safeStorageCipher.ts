import type { SafeStorage } from 'electron';
import { ApiFailure } from '../core/api/apiFailure';
import type { SecretCipher } from '../core/secrets/secretCipher';

export type SafeStorageLike = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> & {
  getSelectedStorageBackend?: SafeStorage['getSelectedStorageBackend'];
};

/**
 * Secrets on the desktop: Electron safeStorage (Keychain, DPAPI, libsecret/kwallet). On Linux,
 * `basic_text` means "no keyring, hard-coded key" — that is not encryption, so we refuse it and
 * say how to fix it instead of pretending.
 */
export function createSafeStorageCipher(safeStorage: SafeStorageLike, platform = process.platform): SecretCipher {
  const check = () => {
    if (!safeStorage.isEncryptionAvailable()) {
      throw new ApiFailure(
        'SECRETS_UNAVAILABLE',
        'This system offers no secure storage for passwords, so Redlens will not save them. Connect without saving the password, or set up an OS keyring.',
      );
    }
    if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') {
      throw new ApiFailure(
        'SECRETS_UNAVAILABLE',
        'No keyring (GNOME Keyring / KWallet) is running, so passwords could only be stored with a hard-coded key. Redlens refuses that: start a keyring (or run Redlens with --password-store=gnome-libsecret) and try again.',
      );
    }
  };
  return {
    scheme: 'safeStorage',
    encrypt: (plain) => {
      check();
      return safeStorage.encryptString(plain).toString('base64');
    },
    decrypt: (cipherText) => {
      check();
      return safeStorage.decryptString(Buffer.from(cipherText, 'base64'));
    },
  };
}
