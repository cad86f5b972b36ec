import { create } from 'zustand';
import { speak, systemLanguage } from '../i18n/i18n';
import { LANGUAGES, type Language } from '../i18n/catalogue/types';

export type LanguageChoice = 'system' | Language;

export interface Settings {
  language: LanguageChoice;
}

const DEFAULTS: Settings = { language: 'system' };
const STORAGE_KEY = 'redlens.settings';

/**
 * What was stored, checked field by field: anything unknown or damaged (edited by hand, written
 * by a newer Redlens) falls back to the default of that field alone.
 * Interim storage: this browser profile's localStorage. Core's settings file (written with the
 * profiles' care) replaces it; the store's interface stays.
 */
export function parseStoredSettings(raw: string | null): Settings {
  if (!raw || raw.length > 64 * 1024) return DEFAULTS;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return DEFAULTS;
  }
  const stored = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const language = stored['language'];
  return {
    language:
      language === 'system' || LANGUAGES.includes(language as Language) ? (language as LanguageChoice) : 'system',
  };
}

function readStored(): Settings {
  try {
    return parseStoredSettings(globalThis.localStorage?.getItem(STORAGE_KEY) ?? null);
  } catch {
    return DEFAULTS; // storage refused (privacy mode)
  }
}

function store(settings: Settings): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(settings));
  } catch {
    // Not remembered, but in effect for this window.
  }
}

/** The language a choice means on this system. */
export const languageOf = (choice: LanguageChoice): Language =>
  choice === 'system' ? systemLanguage(globalThis.navigator?.languages ?? []) : choice;

interface SettingsState extends Settings {
  setLanguage(choice: LanguageChoice): void;
}

export const useSettings = create<SettingsState>((set) => {
  const initial = readStored();
  speak(languageOf(initial.language));
  return {
    ...initial,
    setLanguage: (language) => {
      set({ language });
      store({ language });
      speak(languageOf(language));
    },
  };
});
