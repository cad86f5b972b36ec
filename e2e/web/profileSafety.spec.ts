import { expect, test, type Page } from '@playwright/test';
import { startStandalone, type StandaloneServer } from '../../electron/core/localRedis/testSupport';
import { startWebHostProcess, type RunningWebHost } from '../support/webHostProcess';

// The profile editor's safety rails, through the built web host, Chromium and a real Redis:
// saved passwords are not carried to another address, read-only is turned off only after a
// confirmation, and the sandbox says on screen that it has no password.
let redis: StandaloneServer;
let host: RunningWebHost;

test.beforeAll(async () => {
  redis = await startStandalone({ password: 'e2e-safety-pw' });
});
test.afterAll(async () => {
  await redis?.stop();
});
test.beforeEach(async () => {
  host = await startWebHostProcess();
});
test.afterEach(async () => {
  await host?.stop();
});

const cards = (page: Page) => page.getByRole('list', { name: 'Saved connections' });

async function saveReadOnlyProfile(page: Page) {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'New connection' }).first().click();
  await page.getByLabel('Name', { exact: true }).fill('Prod cache');
  await page.getByLabel('Port', { exact: true }).fill(String(redis.port));
  await page.getByLabel('Password (optional)', { exact: true }).fill('e2e-safety-pw');
  await page.getByLabel('Read-only (no writes from Redlens)').check();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(cards(page)).toContainText('Prod cache');
  await expect(cards(page).getByText('read-only')).toBeVisible();
}

async function editProfile(page: Page) {
  await page.getByRole('button', { name: 'Actions for Prod cache' }).click();
  await page.getByRole('menuitem', { name: 'Edit' }).click();
  await expect(page.getByRole('heading', { name: 'Edit “Prod cache”' })).toBeVisible();
}

test('the welcome screen says the sandbox listens on loopback without a password', async ({ page }) => {
  await page.goto(host.url);
  const start = page.getByRole('button', { name: 'Start a local Sentinel sandbox' });
  await expect(start).toBeVisible();
  await expect(start).toHaveAccessibleDescription(
    'Listens on 127.0.0.1 only, without a password — for local experiments.',
  );
});

test('changing the address asks for the saved password again', async ({ page }) => {
  await saveReadOnlyProfile(page);
  await editProfile(page);
  const password = page.getByLabel('Password (optional)', { exact: true });
  await expect(password).toHaveAttribute('placeholder', 'saved — leave empty to keep');

  await page.getByLabel('Port', { exact: true }).fill(String(redis.port + 1));
  const notice = page.locator('#pf-secrets-rebind');
  await expect(notice).toHaveText(
    'The saved password must be entered again because the address changed: Redlens only ever sends a saved secret where it was saved for.',
  );
  await expect(password).toHaveAttribute('placeholder', '');

  // Back to the saved address: the saved password applies again.
  await page.getByLabel('Port', { exact: true }).fill(String(redis.port));
  await expect(notice).toHaveCount(0);
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByTestId('test-role')).toHaveText('master');
});

test('turning read-only off asks for confirmation, naming the profile', async ({ page }) => {
  await saveReadOnlyProfile(page);
  await editProfile(page);
  await page.getByLabel('Read-only (no writes from Redlens)').uncheck();
  await page.getByRole('button', { name: 'Save' }).click();
  const dialog = page.getByRole('dialog', { name: 'Allow writes to “Prod cache”?' });
  await expect(dialog).toContainText('does not stop anyone who has the password from writing with other tools');

  // Cancel: nothing is saved, the editor stays open.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Edit “Prod cache”' })).toBeVisible();

  await page.getByRole('button', { name: 'Save' }).click();
  await dialog.getByRole('button', { name: 'Allow writes' }).click();
  await expect(cards(page)).toContainText('Prod cache');
  await expect(cards(page).getByText('read-only')).toHaveCount(0);
});
