import { expect, test } from '@playwright/test';
import { hostAndRedisPerFile } from '../support/hostAndRedis';
import { saveProfileAndConnect } from '../support/profileFlow';

// The key tree through the UI against real Redis: scan progress, folders, keyboard, lookup, delete.
const servers = hostAndRedisPerFile((pipeline) => {
  for (let i = 1; i <= 300; i++) pipeline.set(`user:${i}:name`, `name ${i}`);
  pipeline.hset('user:1', 'field', 'value');
  pipeline.set('session:abc', 'x', 'EX', 3600);
  pipeline.rpush('queue:jobs', 'a', 'b');
  pipeline.set(Buffer.from([0x62, 0x69, 0x6e, 0xff, 0x00]), 'binary key');
});

test('scans, browses by keyboard, finds an exact key and deletes one', async ({ page }) => {
  await page.goto(servers.host.url);
  await saveProfileAndConnect(page, 'Keys', servers.redis.port);

  // 300 user:N:name + user:1 + session:abc + queue:jobs + one binary key.
  await expect(page.getByRole('status').filter({ hasText: 'keys loaded' })).toHaveText(/All 304 keys loaded/);
  const tree = page.getByRole('tree', { name: 'Keys' });
  const user = tree.getByRole('treeitem', { name: 'user', exact: true });
  await expect(user).toContainText('301');
  await expect(user).toHaveAttribute('aria-expanded', 'false');
  await expect(tree.getByRole('treeitem', { name: 'bin\\xff\\x00', exact: true })).toBeVisible();

  // Keyboard: focus the tree, go to "user", expand it with →.
  await tree.focus();
  for (let i = 0; i < 5 && (await user.getAttribute('aria-selected')) !== 'true'; i++)
    await page.keyboard.press('ArrowDown');
  await expect(user).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(user).toHaveAttribute('aria-expanded', 'true');
  // Natural sort: 1, 2, … 10 — not 1, 10, 100.
  const children = tree.locator('[aria-level="2"]');
  await expect(children.nth(0)).toHaveAttribute('aria-label', '1');
  await expect(children.nth(1)).toHaveAttribute('aria-label', '2');
  await expect(children.nth(9)).toHaveAttribute('aria-label', '10');
  await page.screenshot({ path: 'test-results/screenshots/key-tree.png' });

  // The flat list shows whole key names, naturally sorted, no folders.
  await page.getByRole('button', { name: 'Flat list' }).click();
  await expect(tree.getByRole('treeitem', { name: 'queue:jobs', exact: true })).toBeVisible();
  await expect(tree.locator('[aria-expanded]')).toHaveCount(0);
  await page.getByRole('button', { name: 'Flat list' }).click();
  await expect(user).toBeVisible();

  // Exact lookup opens the key, whatever the index holds.
  await page.keyboard.press('/');
  await page.getByLabel('Find keys').fill('session:abc');
  await page.getByLabel('Find keys').press('Enter');
  await expect(page.getByRole('region', { name: 'Key', exact: true })).toContainText('session:abc');
  await expect(page.getByTestId('key-type')).toHaveText('string');

  // TTL and rename (only if the new name is free), then the details follow the new name.
  const details = page.getByRole('region', { name: 'Key', exact: true });
  const dialog = page.getByRole('dialog');
  await details.getByRole('button', { name: 'Set TTL…' }).click();
  await dialog.getByLabel('Time to live').fill('500');
  await dialog.getByRole('button', { name: 'Set TTL' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'expires' })).toHaveText(
    '“session:abc” expires in 8 min 20 s.',
  );
  await details.getByRole('button', { name: 'Rename…' }).click();
  await dialog.getByLabel('New name', { exact: true }).fill('session:xyz');
  await dialog.getByRole('button', { name: 'Rename' }).click();
  await expect(page.getByRole('heading', { name: 'session:xyz' })).toBeVisible();

  // Delete it (with confirmation): gone from the server and from the tree, no rescan needed.
  await page.getByRole('region', { name: 'Key', exact: true }).getByRole('button', { name: 'Delete…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'keys' }).first()).toBeVisible();
  const client = await servers.redis.node.client();
  try {
    await expect.poll(() => client.exists('session:abc', 'session:xyz')).toBe(0);
  } finally {
    client.disconnect();
  }
  await expect(tree.getByRole('treeitem', { name: 'session', exact: true })).toHaveCount(0);

  // Deleting a folder: confirmation with the count, then every key under it is gone.
  await page.getByLabel('Find keys').fill('');
  await page.getByLabel('Find keys').press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'keys loaded' })).toHaveText(/All 303 keys loaded/);
  await tree.getByRole('treeitem', { name: 'queue', exact: true }).click();
  await tree.focus();
  await page.keyboard.press('Delete');
  await page.getByRole('dialog').getByRole('button', { name: 'Delete 1 key', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Deleting' })).toContainText('done');
  const admin = await servers.redis.node.client();
  try {
    await expect.poll(() => admin.exists('queue:jobs')).toBe(0);
  } finally {
    admin.disconnect();
  }
  await expect(tree.getByRole('treeitem', { name: 'queue', exact: true })).toHaveCount(0);

  // A pattern goes to the server as SCAN MATCH.
  await page.getByLabel('Find keys').fill('user:1*');
  await page.getByLabel('Find keys').press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'match' })).toContainText('112 keys match');

  // Clearing the search scans everything again; switching db rescans with the same filter.
  await page.getByLabel('Find keys').fill('');
  await page.getByLabel('Find keys').press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'keys loaded' })).toHaveText(/All 302 keys loaded/);
  await page.getByLabel('Database').selectOption('1');
  await expect(page.getByText('This database is empty.')).toBeVisible();
  await page.getByLabel('Database').selectOption('0');
  await expect(page.getByRole('status').filter({ hasText: 'keys loaded' })).toHaveText(/All 302 keys loaded/);
});
