import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  startSentinelTopology,
  startStandalone,
  type SentinelTopology,
  type StandaloneServer,
} from '../../electron/core/localRedis/testSupport';
import { startWebHostProcess } from '../support/webHostProcess';

// Profiles end to end: the built web host, Chromium, real Redis and a real Sentinel deployment.
let redis: StandaloneServer;
let topo: SentinelTopology;
let home: string;

test.beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'redlens-e2e-profiles-'));
  [redis, topo] = await Promise.all([
    startStandalone({ password: 'data-pass' }),
    startSentinelTopology({ dataPassword: 'node-secret', sentinelPassword: 'sentinel-secret' }),
  ]);
});
test.afterAll(async () => {
  await Promise.all([redis?.stop(), topo?.stop()]);
  rmSync(home, { recursive: true, force: true });
});

async function fillStandalone(page: Page, password: string) {
  await page.getByLabel('Name', { exact: true }).fill('Local cache');
  await page.getByLabel('Host', { exact: true }).fill('127.0.0.1');
  await page.getByLabel('Port', { exact: true }).fill(String(redis.port));
  await page.getByLabel('Password (optional)', { exact: true }).fill(password);
}

test('create, test and save standalone and Sentinel profiles; they survive a restart', async ({ page }) => {
  test.setTimeout(120_000);
  let host = await startWebHostProcess('out/node/serve.js', [], {}, home);
  try {
    await page.goto(host.url);
    await expect(page.getByRole('heading', { name: 'Welcome to Redlens' })).toBeVisible();
    await page.getByRole('button', { name: 'New connection' }).first().click();

    // A wrong password: the error sits next to the password field.
    await fillStandalone(page, 'wrong');
    await page.getByRole('button', { name: 'Test connection' }).click();
    const passwordError = page.locator('#pf-password-error');
    await expect(passwordError).toContainText(/password/i);
    await expect(page.getByLabel('Password (optional)', { exact: true })).toHaveAttribute('aria-invalid', 'true');

    await page.getByLabel('Password (optional)', { exact: true }).fill('data-pass');
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect(page.getByTestId('test-role')).toHaveText('master');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('list', { name: 'Saved connections' })).toContainText('Local cache');

    // Sentinel, filled by pasting a URL, then completed by hand.
    await page.getByRole('button', { name: 'New connection' }).first().click();
    const url = `redis-sentinel://node-secret@${topo.sentinels.map((s) => s.address).join(',')}?sentinelPassword=sentinel-secret#${topo.masterName}`;
    await page.getByLabel('Paste a connection URL').fill(url);
    await page.getByRole('button', { name: 'Fill the form' }).click();
    await expect(page.getByRole('radio', { name: 'Sentinel' })).toHaveAttribute('aria-checked', 'true');
    await expect(page.getByLabel('Master name')).toHaveValue(topo.masterName);
    await expect(page.getByLabel('Sentinel 3 host')).toHaveValue('127.0.0.1');
    await expect(page.getByLabel('Sentinel password (optional)')).toHaveValue('sentinel-secret');
    await expect(page.getByLabel('Data node password (optional)')).toHaveValue('node-secret');
    await page.getByLabel('Name', { exact: true }).fill('Sandbox HA');
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect(page.getByTestId('test-master')).toHaveText(topo.master.address);
    await expect(page.getByTestId('test-replicas')).toHaveText('2');
    await expect(page.getByTestId('test-sentinels')).toHaveText('3 (3 reachable)');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('list', { name: 'Saved connections' })).toContainText('Sandbox HA');
    await page.screenshot({ path: 'test-results/screenshots/profiles-home.png' });

    // Secrets are encrypted at rest: no file in the data dir holds them in clear.
    for (const file of readdirSync(home)) {
      const bytes = readFileSync(join(home, file)).toString('latin1');
      for (const secret of ['data-pass', 'node-secret', 'sentinel-secret']) expect(bytes).not.toContain(secret);
    }

    // Restart the host on the same data dir: both profiles are still there and connect.
    await host.stop();
    host = await startWebHostProcess('out/node/serve.js', [], {}, home);
    await page.goto(host.url);
    const sidebar = page.getByRole('navigation', { name: 'Redlens' });
    await sidebar.getByRole('button', { name: 'Local cache', exact: true }).click();
    await expect(page.getByTestId('session-address')).toHaveText(`127.0.0.1:${redis.port}`);
    await page.getByRole('tab', { name: 'Server info' }).click();
    await expect(page.getByTestId('info-role')).toHaveText('master');
    await sidebar.getByRole('button', { name: 'Sandbox HA', exact: true }).click();
    await expect(page.getByTestId('session-address')).toHaveText(topo.master.address);
    await expect(page.getByRole('tablist', { name: 'Open sessions' }).getByRole('tab')).toHaveCount(2);
    await page.screenshot({ path: 'test-results/screenshots/session.png' });
  } finally {
    await host.stop();
  }
});
