import type { TFunction } from 'i18next';
import type { ApiError, ErrorCode } from '../../../shared/api/errors';
import { i18n } from '../i18n/i18n';

/**
 * A short title per error code, in the user's language; the message from core carries the
 * specifics. Components pass their `t` (they re-render when the language changes); text composed
 * once, at an event, takes the language of that moment.
 */
export const errorTitle = (code: ErrorCode, t: TFunction = i18n.t): string =>
  // A code this renderer does not know (a newer core) is still an error, not a catalogue key.
  t(`errors.titles.${code}`, { defaultValue: t('errors.untitled') });

/** "Timed out: No answer from 127.0.0.1:6379 in time." */
export const titledError = (error: ApiError, t: TFunction = i18n.t): string =>
  t('errors.withMessage', { title: errorTitle(error.code, t), message: error.message });
