import type { ProfileParams } from '../../../shared/api/profiles';
import { secretRebindReason } from '../../../shared/api/secretBinding';
import { ApiFailure } from '../api/apiFailure';
import type { SecretCipher } from '../secrets/secretCipher';
import type { ResolvedProfile } from './resolvedProfile';
import type { SealedSecret, StoredProfile } from './storedProfile';

/** In an input: a string sets the secret, `null` clears it, `undefined` keeps the saved one. */
type SecretChange = string | null | undefined;

type Meta = Pick<StoredProfile, 'id' | 'createdAt' | 'updatedAt'>;

const SCHEME_NAMES: Record<string, string> = {
  safeStorage: "the desktop app's OS keyring (safeStorage)",
  'aes-256-gcm': "the web host's key file (secret.key)",
};
export const describeScheme = (scheme: string) => SCHEME_NAMES[scheme] ?? `"${scheme}"`;

const seal = (cipher: SecretCipher, plain: string): SealedSecret => ({
  scheme: cipher.scheme,
  data: cipher.encrypt(plain),
});

function open(cipher: SecretCipher, sealed: SealedSecret, what: string): string {
  if (sealed.scheme !== cipher.scheme) {
    throw new ApiFailure(
      'SECRETS_UNAVAILABLE',
      `The saved ${what} was encrypted with ${describeScheme(sealed.scheme)}, which is not available here (this Redlens uses ${describeScheme(cipher.scheme)}). Edit the profile and enter it again.`,
    );
  }
  try {
    return cipher.decrypt(sealed.data);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw new ApiFailure('SECRETS_UNAVAILABLE', `The saved ${what} could not be decrypted. ${reason}`);
  }
}

/**
 * The saved profile whose secrets may be used for `params`, or undefined when `params` connects
 * somewhere else (another host:port, other sentinels or master name, weaker TLS): a saved secret
 * only ever goes where it was saved for, whatever the caller sends.
 */
const secretSource = (params: ProfileParams, saved: StoredProfile | undefined) =>
  saved && secretRebindReason(params, saved) === undefined ? saved : undefined;

/** The secrets a profile has saved, sealed. */
export const sealedSecretsOf = (p: StoredProfile): SealedSecret[] =>
  [p.password, p.tls.keyPassphrase, p.kind === 'sentinel' ? p.sentinelPassword : undefined].filter(
    (s): s is SealedSecret => s !== undefined,
  );

/**
 * Settings + secret changes → what is saved. Secrets left `undefined` keep `saved`'s ciphertext
 * if the profile still connects where they were saved for, and are dropped otherwise; a sentinel
 * password does not survive a change to a standalone profile.
 */
export function sealProfile(
  params: ProfileParams,
  meta: Meta,
  saved: StoredProfile | undefined,
  cipher: SecretCipher,
): StoredProfile {
  const next = (change: SecretChange, kept: SealedSecret | undefined) =>
    change === undefined ? kept : change === null ? undefined : seal(cipher, change);
  const source = secretSource(params, saved);
  const password = next(params.password, source?.password);
  const tls = { ...params.tls, keyPassphrase: next(params.tls.keyPassphrase, source?.tls.keyPassphrase) };
  if (params.kind === 'standalone') return { ...params, ...meta, password, tls };
  const keptSentinel = source?.kind === 'sentinel' ? source.sentinelPassword : undefined;
  return { ...params, ...meta, password, tls, sentinelPassword: next(params.sentinelPassword, keptSentinel) };
}

/** A saved profile's settings as an input, every secret left out (`undefined` = "keep"). */
export function settingsOf(p: StoredProfile): ProfileParams {
  const tls = { ...p.tls, keyPassphrase: undefined };
  if (p.kind === 'standalone') {
    const { id: _id, createdAt: _c, updatedAt: _u, password: _p, ...rest } = p;
    return { ...rest, tls };
  }
  const { id: _id, createdAt: _c, updatedAt: _u, password: _p, sentinelPassword: _s, ...rest } = p;
  return { ...rest, tls };
}

/**
 * Settings with their secrets in clear, for a session or a connection test. Secrets left
 * `undefined` come from `saved` (decrypted) only if `params` connects where they were saved for;
 * otherwise, like `null`, they mean none — nothing is decrypted.
 */
export function resolveSecrets(
  params: ProfileParams,
  saved: StoredProfile | undefined,
  cipher: SecretCipher,
): ResolvedProfile {
  const what = (secret: string) => (saved ? `${secret} of "${saved.name}"` : secret);
  const plain = (change: SecretChange, kept: SealedSecret | undefined, label: string) =>
    change === undefined ? kept && open(cipher, kept, what(label)) : (change ?? undefined);
  const source = secretSource(params, saved);
  const password = plain(params.password, source?.password, 'password');
  const tls = {
    ...params.tls,
    keyPassphrase: plain(params.tls.keyPassphrase, source?.tls.keyPassphrase, 'TLS key passphrase'),
  };
  const id = saved ? { id: saved.id } : {};
  if (params.kind === 'standalone') return { ...params, ...id, password, tls };
  const keptSentinel = source?.kind === 'sentinel' ? source.sentinelPassword : undefined;
  const sentinelPassword = plain(params.sentinelPassword, keptSentinel, 'sentinel password');
  return { ...params, ...id, password, sentinelPassword, tls };
}
