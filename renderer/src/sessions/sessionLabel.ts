import type { TFunction } from 'i18next';
import type { SessionView } from '../../../shared/api/sessions';
import { i18n } from '../i18n/i18n';

/**
 * A session's name on its tab: the profile's, or for quick connect the server, marked unsaved
 * until it was saved as a profile (`savedAsProfile`; the tab itself stays a quick connection).
 */
export const sessionLabel = (
  s: Pick<SessionView, 'profileName' | 'quick'>,
  savedAsProfile = false,
  t: TFunction = i18n.t,
): string => {
  if (!s.quick) return s.profileName;
  return t(savedAsProfile ? 'session.quickLabel' : 'session.quickUnsavedLabel', { name: s.profileName });
};
