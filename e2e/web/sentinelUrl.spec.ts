import { expect, test, type Page } from '@playwright/test';
import { startSentinelTopology, type SentinelTopology } from '../../electron/core/localRedis/testSupport';
import { startWebHostProcess, type RunningWebHost } from '../support/webHostProcess';

// Pasting a redis-sentinel:// URL against real deployments: the usual one (a password on the data
// nodes only) and one whose sentinels have their own password too.
let host: RunningWebHost;
let dataOnly: SentinelTopology;
let both: SentinelTopology;

test.beforeAll(async () => {
  [host, dataOnly, both] = await Promise.all([
    startWebHostProcess(),
    startSentinelTopology({ replicas: 0, sentinels: 1, quorum: 1, dataPassword: 'node-secret' }),
    startSentinelTopology({
      replicas: 0,
      sentinels: 2,
      quorum: 1,
      dataPassword: 'node-secret',
      sentinelPassword: 'sentinel-secret',
    }),
  ]);
});
test.afterAll(async () => {
  await Promise.all([host?.stop(), dataOnly?.stop(), both?.stop()]);
});

const sentinelsOf = (t: SentinelTopology) => t.sentinels.map((s) => s.address).join(',');

async function pasteAndTest(page: Page, url: string) {
  await page.getByLabel('Paste a connection URL').fill(url);
  await page.getByRole('button', { name: 'Fill the form' }).click();
  await expect(page.getByRole('radio', { name: 'Sentinel' })).toHaveAttribute('aria-checked', 'true');
  await page.getByRole('button', { name: 'Test connection' }).click();
}

test('a pasted URL’s password is the data nodes’: Test succeeds where only they have one', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(host.url);
  await page.getByRole('button', { name: 'New connection' }).first().click();
  await pasteAndTest(page, `redis-sentinel://node-secret@${sentinelsOf(dataOnly)}#${dataOnly.masterName}`);
  await expect(page.getByLabel('Data node password (optional)')).toHaveValue('node-secret');
  await expect(page.getByLabel('Sentinel password (optional)')).toHaveValue('');
  await expect(page.getByTestId('test-master')).toHaveText(dataOnly.master.address);
  await page.getByTestId('test-master').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/sentinel-url-data-only.png' });
});

test('an auth error outlines and focuses the password that was refused', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(host.url);
  await page.getByRole('button', { name: 'New connection' }).first().click();
  const sentinelPassword = page.getByLabel('Sentinel password (optional)');
  const dataPassword = page.getByLabel('Data node password (optional)');

  // A wrong sentinel password: its field, not the data node's.
  await pasteAndTest(page, `redis-sentinel://node-secret@${sentinelsOf(both)}?sentinelPassword=nope#mymaster`);
  await expect(page.getByRole('alert').filter({ hasText: 'Wrong username or password' })).toBeVisible();
  await expect(sentinelPassword).toHaveValue('nope');
  await expect(sentinelPassword).toHaveAttribute('aria-invalid', 'true');
  await expect(sentinelPassword).toBeFocused();
  await expect(dataPassword).not.toHaveAttribute('aria-invalid', 'true');
  await page.screenshot({ path: 'test-results/screenshots/sentinel-url-wrong-sentinel-password.png' });

  // No sentinel password where the sentinels need one: still the sentinel field.
  await sentinelPassword.fill('');
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Password required' })).toBeVisible();
  await expect(sentinelPassword).toHaveAttribute('aria-invalid', 'true');

  // The sentinels let us in, a data node refuses: the data node field.
  await sentinelPassword.fill('sentinel-secret');
  await dataPassword.fill('wrong');
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(dataPassword).toHaveAttribute('aria-invalid', 'true');
  await expect(dataPassword).toBeFocused();
  await expect(sentinelPassword).not.toHaveAttribute('aria-invalid', 'true');

  await dataPassword.fill('node-secret');
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByTestId('test-master')).toHaveText(both.master.address);
});
