import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings, type SettingsView } from '../../../shared/api/settings';
import { ApiFailure } from '../api/apiFailure';
import type { EventBus } from '../events/eventBus';
import { FileReadError, readRegularFile } from '../files/readRegularFile';
import { writeFileAtomic } from '../profiles/atomicWrite';
import { preserveDamagedCopy } from '../profiles/damagedFiles';

export const SETTINGS_FILE = 'settings.json';
/** A settings file is a few hundred bytes; anything near this is not ours. */
const MAX_BYTES = 64 * 1024;
const READ_TIMEOUT_MS = 5_000;

type Stored = Record<string, unknown>;

/**
 * What a file's JSON means, field by field: a field that is missing, unknown to this version or
 * out of range falls back to its default alone; fields this version does not know (a newer
 * Redlens wrote them) are kept, to be written back as they were.
 */
export function settingsOf(stored: Stored): Settings {
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const [name, field] of Object.entries(SettingsSchema.shape)) {
    const parsed = field.safeParse(stored[name]);
    if (parsed.success) settings[name] = parsed.data;
  }
  return settings as Settings;
}

/** The stored object, or why there is none: no file yet (defaults), or a damaged one (kept aside). */
async function readStored(path: string): Promise<{ stored: Stored; damagedCopy?: string; unreadable?: string }> {
  let bytes: Buffer;
  try {
    bytes = (await readRegularFile(path, { maxBytes: MAX_BYTES, timeoutMs: READ_TIMEOUT_MS })).bytes;
  } catch (e) {
    const problem = e instanceof FileReadError ? e.problem : undefined;
    if (problem?.kind === 'too-large') {
      // Not ours (ours are tiny), and too big to copy: moved aside whole, never overwritten.
      const aside = `${path}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      await rename(path, aside);
      return { stored: {}, damagedCopy: aside };
    }
    // No file yet; or one we may not read (a folder, no permission): the defaults. Saving a
    // change then fails visibly rather than replacing what we could not read.
    if (problem?.kind === 'os' && problem.errno === 'ENOENT') return { stored: {} };
    return { stored: {}, unreadable: problem?.kind === 'os' ? problem.errno : (problem?.kind ?? 'EIO') };
  }
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return { stored: value as Stored };
  } catch {
    // Not JSON: kept aside below.
  }
  return { stored: {}, damagedCopy: await preserveDamagedCopy(path, bytes) };
}

/**
 * The app's settings (shared/api/settings.ts), in `<dataDir>/settings.json`: read once, written
 * atomically one change at a time, each change told to every window (`settings.changed`).
 */
export function createSettingsService({ dataDir, events }: { dataDir: string; events: EventBus }) {
  const path = join(dataDir, SETTINGS_FILE);
  let loaded: Promise<{ stored: Stored; view: SettingsView; unreadable?: string }> | undefined;
  let writes: Promise<unknown> = Promise.resolve();

  const load = () =>
    (loaded ??= readStored(path).then(({ stored, damagedCopy, unreadable }) => ({
      stored,
      unreadable,
      view: { settings: settingsOf(stored), ...(damagedCopy ? { damagedCopy } : {}) },
    })));

  return {
    async get(): Promise<SettingsView> {
      return (await load()).view;
    },
    /** Applies `change` after the changes before it; answers every setting as now saved. */
    set(change: Partial<Settings>): Promise<Settings> {
      const done = writes.then(async () => {
        const current = await load();
        if (current.unreadable) {
          loaded = undefined; // read again next time: it may be readable by then
          throw new ApiFailure(
            'STORAGE_ERROR',
            `The settings file ${path} cannot be read (${current.unreadable}), so it is not replaced. Nothing was saved.`,
            { file: path, errno: current.unreadable },
          );
        }
        const settings = { ...current.view.settings, ...change };
        const stored = { ...current.stored, ...settings };
        await writeFileAtomic(path, `${JSON.stringify(stored, null, 2)}\n`);
        loaded = Promise.resolve({ stored, view: { settings } });
        events.emit('settings.changed', { settings, at: Date.now() });
        return settings;
      });
      writes = done.catch(() => undefined);
      return done;
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
