import type { StorageNotice } from '../../../shared/api/profiles';
import type { SecretCipher } from '../secrets/secretCipher';
import { describeScheme, sealedSecretsOf } from './profileSecrets';
import type { StoredProfile } from './storedProfile';

/**
 * Profiles whose secrets were sealed by another cipher (the desktop keyring vs. the web host's
 * key file, on a shared data dir) cannot connect here; say so before the user tries.
 */
export function secretSchemeNotices(profiles: readonly StoredProfile[], cipher: SecretCipher): StorageNotice[] {
  const byScheme = new Map<string, string[]>();
  for (const p of profiles) {
    for (const scheme of new Set(sealedSecretsOf(p).map((s) => s.scheme))) {
      if (scheme !== cipher.scheme) byScheme.set(scheme, [...(byScheme.get(scheme) ?? []), p.name]);
    }
  }
  return [...byScheme].map(([scheme, names]) => ({
    level: 'warning',
    message: `Saved passwords of ${names.map((n) => `"${n}"`).join(', ')} were encrypted with ${describeScheme(scheme)}, which this Redlens cannot use (it uses ${describeScheme(cipher.scheme)}). Open them in the Redlens that saved them, or edit each profile and enter its passwords again.`,
  }));
}
