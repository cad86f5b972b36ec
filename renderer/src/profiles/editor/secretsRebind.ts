import type { ProfileInput, ProfileView } from '../../../../shared/api/profiles';
import { secretRebindReason, type SecretRebindReason } from '../../../../shared/api/secretBinding';

const BECAUSE: Record<SecretRebindReason, string> = {
  address: 'the address changed',
  sentinels: 'the sentinels or the master name changed',
  tls: 'TLS was turned off or no longer verifies the server',
};

/** The names of the secrets `saved` holds, as the form labels them. */
function savedSecretNames(saved: ProfileView): string[] {
  const sentinel = saved.kind === 'sentinel';
  return [
    saved.hasPassword ? (sentinel ? 'data node password' : 'password') : '',
    sentinel && saved.hasSentinelPassword ? 'sentinel password' : '',
    saved.tls.hasKeyPassphrase ? 'TLS key passphrase' : '',
  ].filter(Boolean);
}

const listOf = (names: string[]) =>
  names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

/**
 * Whether the saved secrets still apply to what the form says (core keeps them only for the
 * destination they were saved for), and if not, the sentence that tells the user why.
 */
export function secretsRebind(
  input: ProfileInput,
  saved: ProfileView | undefined,
  /** `quick`: the secrets were typed in quick connect (not saved yet). */
  from: 'saved' | 'quick' = 'saved',
): { kept: boolean; notice?: string } {
  const reason = saved && secretRebindReason(input, saved);
  if (!saved || !reason) return { kept: true };
  const names = savedSecretNames(saved);
  if (!names.length) return { kept: false };
  const verb = names.length === 1 ? 'must' : 'must all';
  const what = from === 'quick' ? `${listOf(names)} typed in Quick connect` : `saved ${listOf(names)}`;
  return {
    kept: false,
    notice: `The ${what} ${verb} be entered again because ${BECAUSE[reason]}: Redlens only ever sends a saved secret where it was saved for.`,
  };
}
