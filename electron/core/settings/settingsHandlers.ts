import type { Handlers } from '../api/dispatch';
import type { SettingsService } from './settingsService';

export function settingsHandlers(settings: SettingsService): Pick<Handlers, 'settings.get' | 'settings.set'> {
  return {
    'settings.get': () => settings.get(),
    'settings.set': (change) => settings.set(change),
  };
}
