import { create } from 'zustand';
import type { ApiError } from '../../../shared/api/errors';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/api/settings';
import { api } from '../api/client';
import { speak, systemLanguage } from '../i18n/i18n';
import { LANGUAGES, type Language } from '../i18n/catalogue/types';

export type LanguageChoice = Settings['language'];
export type { Settings };

/*
 * The app's settings live in core (settings.json, written with the profiles' care). This window
 * also keeps a copy in localStorage only to speak the right language from the first render,
 * before core has answered; core's answer then wins.
 */
const CACHE_KEY = 'redlens.settings';

/**
 * What the cache holds, checked field by field: anything unknown or damaged (edited by hand,
 * written by a newer Redlens) falls back to the default of that field alone.
 */
export function parseStoredSettings(raw: string | null): Settings {
  if (!raw || raw.length > 64 * 1024) return DEFAULT_SETTINGS;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return DEFAULT_SETTINGS;
  }
  const stored = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const language = stored['language'];
  return {
    language:
      language === 'system' || LANGUAGES.includes(language as Language) ? (language as LanguageChoice) : 'system',
  };
}

function readCache(): Settings {
  try {
    return parseStoredSettings(globalThis.localStorage?.getItem(CACHE_KEY) ?? null);
  } catch {
    return DEFAULT_SETTINGS; // storage refused (privacy mode)
  }
}

function writeCache(settings: Settings): void {
  try {
    globalThis.localStorage?.setItem(CACHE_KEY, JSON.stringify(settings));
  } catch {
    // Only the first render of the next start may speak the previous language.
  }
}

/** The language a choice means on this system. */
export const languageOf = (choice: LanguageChoice): Language =>
  choice === 'system' ? systemLanguage(globalThis.navigator?.languages ?? []) : choice;

interface SettingsState extends Settings {
  /** Saving the last change failed: it is in effect in this window, but not remembered. */
  saveError?: ApiError;
  /** Core found its settings file damaged, kept it here, and uses the defaults. */
  damagedCopy?: string;
  setLanguage(choice: LanguageChoice): void;
}

/** Changes made here since start: an answer older than the latest change must not undo it. */
let changes = 0;
/** Changes sent and not answered yet: meanwhile `settings.changed` may describe an older one. */
let unanswered = 0;

const apply = (settings: Settings) => {
  useSettings.setState({ ...settings });
  writeCache(settings);
  speak(languageOf(settings.language));
};

export const useSettings = create<SettingsState>((set) => {
  const initial = readCache();
  speak(languageOf(initial.language));
  return {
    ...initial,
    setLanguage: (language) => {
      const change = ++changes;
      set({ language, saveError: undefined });
      writeCache({ language });
      speak(languageOf(language));
      unanswered++;
      void api.call('settings.set', { language }).then((r) => {
        unanswered--;
        if (change !== changes) return; // a later change is on its way
        if (r.ok) apply(r.value);
        else set({ saveError: r.error });
      });
    },
  };
});

/**
 * Takes core's settings at start and follows changes made in other windows (`settings.changed`).
 * Call once the API bridge is set.
 */
export function syncSettings(): () => void {
  // While a change made here is unanswered, its answer (core's state after it) is what counts.
  const stop = api.on('settings.changed', ({ settings }) => unanswered === 0 && apply(settings));
  const asked = changes;
  void api.call('settings.get', {}).then((r) => {
    if (!r.ok || asked !== changes) return; // core unreachable for now, or changed here meanwhile
    apply(r.value.settings);
    useSettings.setState({ damagedCopy: r.value.damagedCopy });
  });
  return stop;
}
