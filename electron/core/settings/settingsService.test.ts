import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EventBus } from '../events/eventBus';
import { useTempDataDir } from '../profiles/testSupport/tempDataDir';
import { createSettingsService, SETTINGS_FILE, settingsOf } from './settingsService';

// The app's settings file: kept across restarts, written atomically, a damaged file kept aside.
const dataDir = useTempDataDir('redlens-settings-');

function service() {
  const events = new EventBus();
  const changed: unknown[] = [];
  events.on('settings.changed', (e) => changed.push(e.settings));
  return { settings: createSettingsService({ dataDir: dataDir(), events }), changed };
}
const file = () => join(dataDir(), SETTINGS_FILE);

describe('the settings file', () => {
  it('starts with the defaults, keeps a change across a restart, and tells every window', async () => {
    const first = service();
    expect(await first.settings.get()).toEqual({ settings: { language: 'system' } });
    expect(existsSync(file())).toBe(false); // nothing written until something changes
    expect(await first.settings.set({ language: 'zh-CN' })).toEqual({ language: 'zh-CN' });
    expect(first.changed).toEqual([{ language: 'zh-CN' }]);
    expect(statSync(file()).mode & 0o777).toBe(0o600);

    const restarted = service();
    expect(await restarted.settings.get()).toEqual({ settings: { language: 'zh-CN' } });
  });

  it('applies changes one after another, each on top of the last', async () => {
    const { settings } = service();
    await Promise.all([settings.set({ language: 'en' }), settings.set({ language: 'zh-CN' })]);
    expect(JSON.parse(readFileSync(file(), 'utf8'))).toEqual({ language: 'zh-CN' });
    // No temporary file is left next to it.
    expect(readdirSync(dataDir())).toEqual([SETTINGS_FILE]);
  });

  it('a field out of range falls back alone; fields of a newer Redlens are written back as they were', async () => {
    writeFileSync(file(), JSON.stringify({ language: 'klingon', theme: 'dark', future: { a: 1 } }));
    const { settings } = service();
    expect(await settings.get()).toEqual({ settings: { language: 'system' } });
    await settings.set({ language: 'en' });
    expect(JSON.parse(readFileSync(file(), 'utf8'))).toEqual({ language: 'en', theme: 'dark', future: { a: 1 } });
    expect(settingsOf({ language: 'zh-CN', extra: true })).toEqual({ language: 'zh-CN' });
  });

  it.each([
    ['not JSON', '{"language": "zh-CN"'],
    ['JSON that is not an object', '["zh-CN"]'],
  ])('a damaged file (%s) is kept aside, the defaults are used, and a change writes a new one', async (_, text) => {
    writeFileSync(file(), text);
    const { settings } = service();
    const view = await settings.get();
    expect(view.settings).toEqual({ language: 'system' });
    expect(readFileSync(view.damagedCopy!, 'utf8')).toBe(text);
    await settings.set({ language: 'zh-CN' });
    expect(readFileSync(view.damagedCopy!, 'utf8')).toBe(text);
    expect(JSON.parse(readFileSync(file(), 'utf8'))).toEqual({ language: 'zh-CN' });
  });

  it('a file far too big to be ours is moved aside whole, not read', async () => {
    writeFileSync(file(), Buffer.alloc(1024 * 1024, 'x'));
    const { settings } = service();
    const view = await settings.get();
    expect(view.settings).toEqual({ language: 'system' });
    expect(statSync(view.damagedCopy!).size).toBe(1024 * 1024);
    expect(existsSync(file())).toBe(false);
  });

  it('a settings "file" that cannot be read (a folder) is not replaced: saving fails and says so', async () => {
    mkdirSync(file());
    const { settings, changed } = service();
    expect((await settings.get()).settings).toEqual({ language: 'system' });
    await expect(settings.set({ language: 'en' })).rejects.toMatchObject({ code: 'STORAGE_ERROR' });
    expect(statSync(file()).isDirectory()).toBe(true);
    expect(changed).toEqual([]);
  });
});
