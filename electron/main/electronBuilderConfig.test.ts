import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { describe, expect, it } from 'vitest';

// electron-builder.yml read and validated by electron-builder itself (the same code `npm run dist`
// runs), so a misspelt fuse fails here instead of being dropped silently at packaging time.
const noDebug = { isEnabled: false, add: () => {} } as unknown as Parameters<typeof validateConfiguration>[1];
const loadConfig = () => getConfig(process.cwd(), 'electron-builder.yml', null);

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema, which knows every fuse key', async () => {
    const config = await loadConfig();
    await expect(validateConfiguration(config, noDebug)).resolves.toBeUndefined();
    await expect(
      validateConfiguration({ ...config, electronFuses: { runAsNode: false, runAsNodee: false } as never }, noDebug),
    ).rejects.toThrow(/electronFuses/);
  });

  it('flips the fuses that keep the packaged app from being used as Node or loading other code', async () => {
    const { electronFuses, asar } = await loadConfig();
    expect(asar).toBe(true);
    expect(electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});
