import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startStandalone, type StandaloneServer } from '../../electron/core/localRedis/testSupport';
import { startWebHostProcess, type RunningWebHost } from '../support/webHostProcess';
import { editorArea, keyRegion } from '../support/valueEditorFlow';

// Quick connect is not a dead end: Browse opens a temporary session with the whole key browser,
// Save as profile keeps the server (and the password typed once) as a saved profile.
const PASSWORD = 'quick-e2e-secret';
let host: RunningWebHost;
let redis: StandaloneServer;

test.use({ viewport: { width: 1280, height: 800 } });

test.beforeAll(async () => {
  [host, redis] = await Promise.all([startWebHostProcess(), startStandalone({ password: PASSWORD })]);
  const client = await redis.node.client();
  await client.set('user:1', 'first user');
  await client.set('user:2', 'second user');
  await client.hset('cart:9', 'apples', '3');
  client.disconnect();
});
test.afterAll(async () => {
  await Promise.all([host?.stop(), redis?.stop()]);
});

test('quick connect → Browse → keys and a key open; Save as profile → the profile is listed and opens', async ({
  page,
}) => {
  const address = `127.0.0.1:${redis.port}`;
  await page.goto(host.url);
  const sidebar = page.getByRole('navigation', { name: 'Redlens' });
  await sidebar.getByRole('button', { name: 'Quick connect' }).click();
  await page.getByLabel('Port').fill(String(redis.port));
  await page.getByLabel('Password (optional)').fill(PASSWORD);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.getByRole('status', { name: `Connected to ${address}` })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/quick-connect-next.png' });

  // Browse: a tab clearly marked as not saved, with the key tree and editors.
  await page.getByRole('button', { name: 'Browse' }).click();
  const tab = page.getByRole('tablist', { name: 'Open sessions' }).getByRole('tab');
  await expect(tab).toHaveText(`Quick: ${address} · not saved`);
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { name: `Quick: ${address}`, level: 1 })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'keys loaded' })).toHaveText(/All 3 keys loaded/);
  const tree = page.getByRole('tree', { name: 'Keys' });
  await expect(tree.getByRole('treeitem', { name: 'user', exact: true })).toContainText('2');
  await tree.getByRole('treeitem', { name: 'user', exact: true }).click();
  await tree.getByRole('treeitem', { name: '1', exact: true }).click();
  await expect(keyRegion(page).getByRole('heading', { name: 'user:1', exact: true })).toBeVisible();
  await expect(editorArea(keyRegion(page))).toContainText('first user');
  await page.screenshot({ path: 'test-results/screenshots/quick-session.png' });

  // Save as profile: the editor is filled from what was typed; the password stays in core.
  await page.getByRole('button', { name: 'Save as profile…' }).click();
  await expect(page.getByRole('heading', { name: `Save ${address} as a profile` })).toBeVisible();
  await expect(page.getByLabel('Port', { exact: true })).toHaveValue(String(redis.port));
  const password = page.getByLabel('Password (optional)', { exact: true });
  await expect(password).toHaveValue('');
  await expect(password).toHaveAttribute('placeholder', /typed in Quick connect/);
  await page.getByLabel('Name', { exact: true }).fill('Kept from quick');
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByTestId('test-role')).toHaveText('master');
  await page.screenshot({ path: 'test-results/screenshots/quick-save-as-profile.png' });
  await page.getByRole('button', { name: 'Save', exact: true }).click();

  // The profile is listed, with its password saved (encrypted: not in any file in clear), and opens.
  const saved = sidebar.getByRole('button', { name: 'Kept from quick', exact: true });
  await expect(saved).toBeVisible();
  for (const file of readdirSync(host.dataDir)) {
    expect(readFileSync(join(host.dataDir, file)).toString('latin1')).not.toContain(PASSWORD);
  }
  await saved.click();
  await expect(page.getByTestId('session-address')).toHaveText(address);
  await expect(page.getByRole('heading', { name: 'Kept from quick', level: 1 })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'keys loaded' })).toHaveText(/All 3 keys loaded/);
  // The temporary session keeps working beside it; it no longer says "not saved", and it offers
  // no second Save (that would make an identical second profile).
  const tabs = page.getByRole('tablist', { name: 'Open sessions' }).getByRole('tab');
  await expect(tabs).toHaveText([`Quick: ${address}`, 'Kept from quick']);
  await tabs.first().click();
  await expect(page.getByText('saved as “Kept from quick”')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save as profile…' })).toHaveCount(0);
});
