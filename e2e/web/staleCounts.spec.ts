import { expect, test, type Page } from '@playwright/test';
import { hostAndRedisPerFile } from '../support/hostAndRedis';
import { saveProfileAndConnect } from '../support/profileFlow';

// Nothing stale on screen (issue #12): the database selector's counts follow every change the
// app makes, finished-job messages fade, an empty database says so once, and after a pattern
// search an exact-key lookup keeps the count and the list describing the same result.
const bed = hostAndRedisPerFile((p) => {
  for (let i = 0; i < 30; i++) p.set(`c:${i}`, 'x');
  p.set('keep', 'x').set('f:1', 'x').set('f:2', 'x').set('f:3', 'x');
  p.select(3);
  for (let i = 1; i <= 5; i++) p.set(`u:${i}`, 'x');
  p.set('order:9', 'x');
});

const status = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text });
const tree = (page: Page) => page.getByRole('tree', { name: 'Keys' });
const dbOption = (page: Page, db: number) => page.getByLabel('Database').locator(`option[value="${db}"]`);

async function search(page: Page, text: string): Promise<void> {
  await page.getByLabel('Find keys').fill(text);
  await page.getByLabel('Find keys').press('Enter');
}

test('the database selector counts follow deletes, creates and rescans; finished messages fade', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(bed.host.url);
  await saveProfileAndConnect(page, 'Counts', bed.redis.port);
  await expect(status(page, 'keys loaded')).toHaveText('All 34 keys loaded');
  await expect(dbOption(page, 0)).toHaveText('db0 (34 keys)');
  await expect(dbOption(page, 3)).toHaveText('db3 (6 keys)');

  // A bulk delete of 30 keys: the count follows, and "Deleted…" fades.
  await page.getByRole('button', { name: 'Flat list' }).click();
  await search(page, 'c:*');
  await expect(status(page, 'match')).toHaveText('30 keys match “c:*” (of 34 in this database)');
  await tree(page).focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.getByRole('dialog').getByRole('button', { name: 'Delete 30 keys' }).click();
  const deleted = status(page, 'Deleted 30 keys');
  await expect(deleted).toHaveText('Deleted 30 keys from the server.');
  await expect(dbOption(page, 0)).toHaveText('db0 (4 keys)');
  await expect(status(page, 'match')).toHaveText('0 keys match “c:*” (of 4 in this database)');
  await page.screenshot({ path: 'test-results/screenshots/stale-counts-deleted.png' });
  await expect(deleted).toBeHidden();

  // A folder delete: its "done" line fades too; the count follows.
  await page.getByRole('button', { name: 'Flat list' }).click();
  await search(page, '');
  await expect(status(page, 'keys loaded')).toHaveText('All 4 keys loaded');
  await tree(page).getByRole('treeitem', { name: 'f', exact: true }).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Delete folder…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete 3 keys' }).click();
  const done = status(page, 'Deleting “f:”');
  await expect(done).toContainText('done');
  await expect(dbOption(page, 0)).toHaveText('db0 (1 key)');
  await expect(done).toBeHidden();

  // A key created here counts at once.
  await page.getByRole('button', { name: '+ New key' }).click();
  const dialog = page.getByRole('dialog', { name: 'New key' });
  await dialog.getByLabel('Name', { exact: true }).fill('fresh');
  await dialog.getByLabel('Value', { exact: true }).fill('v');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dbOption(page, 0)).toHaveText('db0 (2 keys)');

  // Keys written by someone else count when a rescan finishes.
  const admin = await bed.redis.node.client();
  try {
    await admin.mset('ext:1', 'x', 'ext:2', 'x');
  } finally {
    admin.disconnect();
  }
  await page.getByRole('button', { name: 'Rescan' }).click();
  await expect(status(page, 'keys loaded')).toHaveText('All 4 keys loaded');
  await expect(dbOption(page, 0)).toHaveText('db0 (4 keys)');
});

test('an empty database says so once', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(bed.host.url);
  await saveProfileAndConnect(page, 'Empty', bed.redis.port);
  await expect(status(page, 'loaded')).toBeVisible();
  await page.getByLabel('Database').selectOption('7');
  await expect(page.getByText('This database is empty.')).toBeVisible();
  await expect(page.getByText(/All 0 keys/)).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screenshots/stale-counts-empty.png' });
});

test('an exact-key lookup after a pattern search keeps the count and the list the same result', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(bed.host.url);
  await saveProfileAndConnect(page, 'Lookup', bed.redis.port);
  await expect(status(page, 'loaded')).toBeVisible();
  await page.getByLabel('Database').selectOption('3');
  await expect(status(page, 'keys loaded')).toHaveText('All 6 keys loaded');
  await page.getByRole('button', { name: 'Flat list' }).click();
  await search(page, 'u:*');
  await expect(status(page, 'match')).toHaveText('5 keys match “u:*” (of 6 in this database)');

  // A key outside the search: found and opened, but the list (and its count) stay the search's.
  await search(page, 'order:9');
  await expect(status(page, 'Found')).toHaveText(
    'Found “order:9” and opened it; it is not in the list, which shows only the keys matching “u:*”.',
  );
  await expect(page.getByRole('region', { name: 'Key', exact: true }).getByRole('heading')).toHaveText('order:9');
  await page.screenshot({ path: 'test-results/screenshots/stale-counts-lookup.png' });
  // A lookup of a listed key settles the tree after the one before: then the list is checked.
  await search(page, 'u:3');
  await expect(status(page, 'Found')).toHaveText('Found “u:3”.');
  await expect(tree(page).getByRole('treeitem')).toHaveText([/u:1$/, /u:2$/, /u:3$/, /u:4$/, /u:5$/]);
  await expect(status(page, 'match')).toHaveText('5 keys match “u:*” (of 6 in this database)');
});
