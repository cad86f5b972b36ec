/**
 * Encrypts secrets at rest. Desktop: Electron `safeStorage` (electron/main provides it);
 * web mode: an AES-256-GCM key file in the data directory. Core only sees this interface.
 */
export interface SecretCipher {
  /** Stable name stored next to each ciphertext, e.g. `aes-256-gcm` or `safeStorage`. */
  readonly scheme: string;
  /** Throws ApiFailure('SECRETS_UNAVAILABLE', …) when secrets cannot be protected here. */
  encrypt(plain: string): string;
  decrypt(cipherText: string): string;
}
