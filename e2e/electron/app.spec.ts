import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStandalone } from '../../electron/core/localRedis/testSupport';
import { findElectronBinary } from '../../electron/launcher/findElectronBinary';

// The same journey in the desktop app. Runs only where an Electron binary exists
// (node_modules/electron/dist or ELECTRON_OVERRIDE_DIST_PATH); reports itself skipped otherwise.
const binary = findElectronBinary();

const SKIP_REASON =
  'No Electron binary on this machine (node_modules/electron/dist is empty and ELECTRON_OVERRIDE_DIST_PATH is unset)';
if (!binary) console.log(`[electron] skipped: ${SKIP_REASON}`);
test.skip(!binary, SKIP_REASON);

test('desktop app: window, preload bridge and quick connect', async () => {
  const home = mkdtempSync(join(tmpdir(), 'redlens-electron-home-'));
  const redis = await startStandalone();
  const app = await electron.launch({
    executablePath: binary!.path,
    args: ['.'],
    env: { ...process.env, REDLENS_HOME: home },
  });
  try {
    const page = await app.firstWindow();
    await expect(page).toHaveTitle('Redlens');
    // Served from the app:// origin (not file://), with the CSP <meta> in place.
    expect(page.url()).toBe('app://redlens/index.html');
    await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveCount(1);
    // The sandboxed renderer sees the bridge and nothing of Node.
    expect(await page.evaluate(() => typeof (globalThis as { redlens?: unknown }).redlens)).toBe('object');
    expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
    await page.getByRole('navigation', { name: 'Redlens' }).getByRole('button', { name: 'Quick connect' }).click();
    await page.getByLabel('Port').fill(String(redis.port));
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(page.getByTestId('server-role')).toHaveText('master');
  } finally {
    await app.close();
    await redis.stop();
    rmSync(home, { recursive: true, force: true });
  }
});
