import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findRedisServer } from '../../electron/core/localRedis/testSupport';
import { startWebHostProcess, type RunningWebHost } from '../support/webHostProcess';

// After a restart the sandbox's processes are gone but its profile is not: opening that profile
// says so and offers to start the sandbox again (same profile) or to remove the profile.
let home: string;
let host: RunningWebHost | undefined;

test.use({ viewport: { width: 1280, height: 800 } });

test.beforeAll(() => {
  findRedisServer(); // the sandbox needs redis-server: fail loudly, never skip
  home = mkdtempSync(join(tmpdir(), 'redlens-e2e-sandbox-'));
});
test.afterAll(async () => {
  await host?.stop();
  rmSync(home, { recursive: true, force: true });
});

/** Stops the web host (and the sandbox with it) and starts a new one on the same data dir. */
async function restart(page: Page) {
  await host?.stop();
  host = await startWebHostProcess('out/node/serve.js', [], {}, home);
  await page.goto(host.url);
}

const sandboxProfile = (page: Page) =>
  // Named "Local Sentinel sandbox, ready" etc. while a session of it is open.
  page.getByRole('navigation', { name: 'Redlens' }).getByRole('button', { name: /^Local Sentinel sandbox(, \w+)?$/ });

test('a dead sandbox profile offers Start again and Remove', async ({ page }) => {
  test.setTimeout(180_000);
  await restart(page);
  await page.getByRole('button', { name: 'Start a local Sentinel sandbox' }).click();
  await expect(page.getByTestId('session-address')).toHaveText(/^127\.0\.0\.1:\d+$/, { timeout: 60_000 });

  // The app restarts: opening the profile says the sandbox is not running, instead of failing.
  await restart(page);
  await sandboxProfile(page).click();
  const notice = page.getByRole('alert').filter({ hasText: 'The sandbox is not running' });
  await expect(notice).toBeVisible();
  await expect(notice.getByRole('button', { name: 'Start again' })).toBeEnabled();
  await expect(notice.getByRole('button', { name: 'Remove' })).toBeEnabled();
  await page.screenshot({ path: 'test-results/screenshots/sandbox-not-running.png' });

  // Start again: the same profile, pointed at the new sandbox, connects.
  await notice.getByRole('button', { name: 'Start again' }).click();
  await expect(page.getByTestId('session-address')).toHaveText(/^127\.0\.0\.1:\d+$/, { timeout: 60_000 });
  await expect(page.getByRole('heading', { name: 'Local Sentinel sandbox', level: 1 })).toBeVisible();
  await expect(sandboxProfile(page)).toHaveCount(1);

  // Once more dead, Remove (confirmed) takes the profile away.
  await restart(page);
  await sandboxProfile(page).click();
  await notice.getByRole('button', { name: 'Remove' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
  await expect(sandboxProfile(page)).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Welcome to Redlens' })).toBeVisible();
});
