// CONTRACT READY
import { z } from 'zod';

/*
 * Settings that hold for the whole app, not per connection (issue 14): kept by core in
 * `settings.json` in the data directory, written like the profiles (atomic; a damaged file is
 * kept aside, never overwritten unseen). `settings.get` once at start; `settings.set` changes
 * some of them; `settings.changed` tells every window.
 */

/** `system`: the first of the system's languages Redlens speaks (else English). */
export const LANGUAGE_CHOICES = ['system', 'en', 'zh-CN'] as const;

export const SettingsSchema = z
  .object({
    language: z.enum(LANGUAGE_CHOICES),
  })
  .strict();
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = { language: 'system' };

/** settings.set: the settings to change; the others stay as they are. */
export const SettingsChangeSchema = SettingsSchema.partial().strict();

export interface SettingsView {
  settings: Settings;
  /**
   * The settings file could not be read as settings (edited by hand, damaged): its bytes were
   * kept at this path and the defaults are in effect. Fields that were only unknown or out of
   * range are not this: each falls back to its default alone.
   */
  damagedCopy?: string;
}
