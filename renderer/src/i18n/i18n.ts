import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './catalogue/en';
import { LANGUAGES, type Language } from './catalogue/types';
import { zhCN } from './catalogue/zhCN';

/**
 * The renderer's one i18next instance. Resources are in the bundle, so it is ready at once
 * (no flash of keys); switching the language re-renders every component that uses
 * `useTranslation`, without a reload.
 */
export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  initAsync: false,
  // React escapes what it renders; escaping here too would show `&quot;` for a quote.
  interpolation: { escapeValue: false },
});

/** The language to speak when the user chose "system": the first of the system's we speak. */
export function systemLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (lower === 'en' || lower.startsWith('en-')) return 'en';
    // Simplified Chinese only: a Traditional Chinese reader gets their next language (or English).
    if (lower === 'zh' || /^zh-(cn|sg|hans)/.test(lower)) return 'zh-CN';
  }
  return 'en';
}

/** Speaks `language` from now on: every mounted component re-renders; `<html lang>` follows. */
export function speak(language: Language): void {
  if (i18n.language !== language) void i18n.changeLanguage(language);
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}
