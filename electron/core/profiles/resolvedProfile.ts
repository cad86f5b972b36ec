import type { ProfileParams } from '../../../shared/api/profiles';

type WithoutSecrets<T> = Omit<T, 'password' | 'sentinelPassword' | 'tls'>;
type Plain<T> = T extends unknown ? WithoutSecrets<T> : never;
/** A profile's settings without its secrets (per kind). */
export type ProfileSettings = Plain<ProfileParams>;

export interface ResolvedTls extends Omit<ProfileParams['tls'], 'keyPassphrase'> {
  keyPassphrase?: string;
}

/**
 * A profile with its secrets decrypted: what sessions and connection tests use. Lives only in
 * core (never crosses the API boundary) and only as long as a connection needs it.
 */
export type ResolvedProfile = ProfileSettings & {
  /** Present for saved profiles; absent when testing unsaved settings. */
  id?: string;
  password?: string;
  sentinelPassword?: string;
  tls: ResolvedTls;
  /** A quick connect's transient profile (held in memory only, see quickProfiles.ts). */
  quick?: true;
};
