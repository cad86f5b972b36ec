import 'i18next';
import type { en } from './catalogue/en';

// `t('session.connecting')` is checked against the English catalogue: a key that does not exist
// is a type error, and so is a missing `{{name}}` value.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
