import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startWebHostProcess } from '../support/webHostProcess';

// `npm start` without an Electron binary: one line saying so, then the same UI as `npm run serve`.
test('npm start falls back to serving the UI when Electron is unavailable', async ({ page }) => {
  // An override that points at an empty folder guarantees "no binary", even on a machine that has one.
  const emptyDist = mkdtempSync(join(tmpdir(), 'redlens-no-electron-'));
  const host = await startWebHostProcess('out/node/start.js', [], { ELECTRON_OVERRIDE_DIST_PATH: emptyDist });
  try {
    expect(host.stdout).toHaveLength(2);
    expect(host.stdout[0]).toMatch(
      /^Electron is not available on this machine .*ELECTRON_OVERRIDE_DIST_PATH.* serving the same UI/,
    );
    expect(host.stdout[1]).toBe(`Redlens listening on ${host.url}`);
    await page.goto(host.url);
    await expect(page.getByRole('heading', { name: 'Welcome to Redlens' })).toBeVisible();
    await expect(page.getByTestId('app-version')).toHaveText(/^v\d/);
  } finally {
    await host.stop();
    rmSync(emptyDist, { recursive: true, force: true });
  }
});
