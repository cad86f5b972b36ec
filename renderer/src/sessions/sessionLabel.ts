import type { SessionView } from '../../../shared/api/sessions';

/** A session's name on its tab: the profile's, or for quick connect the server, marked unsaved. */
export const sessionLabel = (s: Pick<SessionView, 'profileName' | 'quick'>): string =>
  s.quick ? `Quick: ${s.profileName} · not saved` : s.profileName;
