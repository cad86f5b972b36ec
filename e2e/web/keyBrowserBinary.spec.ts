import { expect, test } from '@playwright/test';
import type Redis from 'ioredis';
import { startStandalone, type StandaloneServer } from '../../electron/core/localRedis/testSupport';
import { clipboardText } from '../support/clipboard';
import { saveProfileAndConnect } from '../support/profileFlow';
import { startWebHostProcess, type RunningWebHost } from '../support/webHostProcess';

// Issue 4's journeys not covered by keyBrowser.spec.ts: browsing by keyboard only, folder counts
// following deletes, and binary key names shown escaped, renamed and deleted byte for byte
// (checked with a separate ioredis client).
let host: RunningWebHost;
let redis: StandaloneServer;
let admin: Redis;

const bin = (...bytes: number[]) => Buffer.from([0x62, 0x69, 0x6e, ...bytes]); // "bin" + bytes

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test.beforeAll(async () => {
  [host, redis] = await Promise.all([startWebHostProcess(), startStandalone()]);
  admin = await redis.node.client();
  const pipeline = admin.pipeline();
  for (let i = 1; i <= 20; i++) pipeline.set(`user:${i}:name`, `n${i}`);
  pipeline.set(bin(0xff, 0x00), 'first').set(bin(0xff, 0x01), 'second');
  await pipeline.exec();
});
test.afterAll(async () => {
  admin?.disconnect();
  await Promise.all([host?.stop(), redis?.stop()]);
});

test('keyboard browsing, counts that follow deletes, binary names byte for byte', async ({ page }) => {
  await page.goto(host.url);
  await saveProfileAndConnect(page, 'Bytes', redis.port);
  await expect(page.getByRole('status').filter({ hasText: 'keys loaded' })).toHaveText('All 22 keys loaded');
  const tree = page.getByRole('tree', { name: 'Keys' });
  const user = tree.getByRole('treeitem', { name: 'user', exact: true });
  const details = page.getByRole('region', { name: 'Key', exact: true });

  // Keyboard only: into user, into user:2:, open user:2:name, back out.
  await tree.focus();
  await page.keyboard.press('Home');
  await expect(user).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(user).toHaveAttribute('aria-expanded', 'true');
  await expect(user).toContainText('20');
  await page.keyboard.press('ArrowRight'); // on an expanded folder: to its first child
  await page.keyboard.press('ArrowDown');
  const two = tree.locator('[aria-level="2"]').and(page.getByRole('treeitem', { name: '2', exact: true }));
  await expect(two).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(two).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(details.getByRole('heading', { level: 2 })).toHaveText('user:2:name');

  // Delete it from the keyboard: the folder counts follow without a rescan.
  await page.keyboard.press('Delete');
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(user).toContainText('19');
  await expect(two).toHaveCount(0);
  expect(await admin.exists('user:2:name')).toBe(0);
  await expect(page.getByRole('status').filter({ hasText: 'keys loaded' })).toHaveText('All 21 keys loaded');
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowLeft');
  await expect(user).toHaveAttribute('aria-expanded', 'false');

  // Binary names: escaped on screen, in the tree and in the opened key.
  const first = tree.getByRole('treeitem', { name: 'bin\\xff\\x00', exact: true });
  const second = tree.getByRole('treeitem', { name: 'bin\\xff\\x01', exact: true });
  await expect(first).toBeVisible();
  await first.click();
  await expect(details.getByRole('heading', { level: 2 })).toHaveText('bin\\xff\\x00');

  // Copy name: the escaped form, and the app says so.
  await details.getByRole('button', { name: 'Copy name' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toContainText('in escaped form');
  expect(await clipboardText(page)).toBe('bin\\xff\\x00');

  // Rename the other one to new bytes through the escaped form.
  await second.click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Rename…' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('New name', { exact: true })).toHaveValue('bin\\xff\\x01');
  await expect(dialog.getByLabel('Read \\xNN, \\n, \\t, \\\\ as escaped bytes')).toBeChecked();
  await dialog.getByLabel('New name', { exact: true }).fill('bin\\xfe\\x02\\\\');
  await dialog.getByRole('button', { name: 'Rename' }).click();
  await expect(dialog).toHaveCount(0);
  expect(await admin.exists(bin(0xff, 0x01))).toBe(0);
  expect(await admin.get(bin(0xfe, 0x02, 0x5c))).toBe('second');
  await expect(tree.getByRole('treeitem', { name: 'bin\\xfe\\x02\\\\', exact: true })).toBeVisible();

  // Delete the first: exactly those bytes go, the renamed neighbour stays.
  await first.click();
  await page.keyboard.press('Delete');
  await expect(page.getByRole('dialog')).toContainText('“bin\\xff\\x00” will be deleted');
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(first).toHaveCount(0);
  expect(await admin.exists(bin(0xff, 0x00))).toBe(0);
  expect(await admin.exists(bin(0xfe, 0x02, 0x5c))).toBe(1);
  await expect(page.getByRole('status').filter({ hasText: 'keys loaded' })).toHaveText('All 20 keys loaded');
});
