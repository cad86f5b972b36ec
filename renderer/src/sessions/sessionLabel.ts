import type { SessionView } from '../../../shared/api/sessions';

/**
 * A session's name on its tab: the profile's, or for quick connect the server, marked unsaved
 * until it was saved as a profile (`savedAsProfile`; the tab itself stays a quick connection).
 */
export const sessionLabel = (s: Pick<SessionView, 'profileName' | 'quick'>, savedAsProfile = false): string =>
  s.quick ? `Quick: ${s.profileName}${savedAsProfile ? '' : ' · not saved'}` : s.profileName;
