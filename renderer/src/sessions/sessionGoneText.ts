import type { ApiError } from '../../../shared/api/errors';
import type { SessionGoneDetails } from '../../../shared/api/sessions';

/**
 * The words for NOT_FOUND about a session that is not open (any more): the profile and server
 * the user knows it by, and what to do; undefined for any other error.
 */
export function sessionGoneText(error: ApiError): string | undefined {
  if (error.code !== 'NOT_FOUND' || error.details?.session === undefined) return undefined;
  const known: Partial<SessionGoneDetails> = error.details.session;
  if (typeof known.profileName !== 'string') {
    return 'This session is no longer open (it failed or was closed): open its connection again.';
  }
  const server = typeof known.address === 'string' ? ` to ${known.address}` : '';
  return `The session of “${known.profileName}”${server} is no longer open (it failed or was closed): open “${known.profileName}” again.`;
}
