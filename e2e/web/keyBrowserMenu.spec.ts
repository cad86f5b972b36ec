import { expect, test, type Page } from '@playwright/test';
import type Redis from 'ioredis';
import { startStandalone, type StandaloneServer } from '../../electron/core/localRedis/testSupport';
import { clipboardText } from '../support/clipboard';
import { saveProfileAndConnect } from '../support/profileFlow';
import { startWebHostProcess, type RunningWebHost } from '../support/webHostProcess';

// The key tree's context menu (mouse and keyboard), F5 / Ctrl+R, and a read-only profile that
// offers no write action anywhere. Every write is checked with a separate ioredis client.
let host: RunningWebHost;
let redis: StandaloneServer;
let admin: Redis;

test.describe.configure({ mode: 'serial' });
test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test.beforeAll(async () => {
  [host, redis] = await Promise.all([startWebHostProcess(), startStandalone()]);
  admin = await redis.node.client();
  await admin.mset('menu:a', 'A', 'menu:b', 'B', 'menu:c', 'C', 'fold:1', '1', 'fold:2', '2', 'fold:3', '3');
});
test.afterAll(async () => {
  admin?.disconnect();
  await Promise.all([host?.stop(), redis?.stop()]);
});

const menuItems = (page: Page) => page.getByRole('menu').getByRole('menuitem');

test('context menu actions on keys and folders, by mouse and keyboard; F5 rescans', async ({ page }) => {
  await page.goto(host.url);
  await saveProfileAndConnect(page, 'Menu', redis.port);
  const tree = page.getByRole('tree', { name: 'Keys' });
  const menuFolder = tree.getByRole('treeitem', { name: 'menu', exact: true });
  await menuFolder.click();
  const key = (name: string) => tree.locator('[aria-level="2"]').and(page.getByRole('treeitem', { name, exact: true }));

  // Right-click a key: its actions.
  await key('a').click({ button: 'right' });
  const menu = page.getByRole('menu', { name: 'Key actions' });
  await expect(menuItems(page)).toHaveText(
    ['Open', 'Copy name', 'Rename…', 'Set TTL…', 'Delete…'].map((t) => new RegExp(`^${t}`)),
  );
  await expect(menu.getByRole('menuitem', { name: 'Open' })).toBeFocused();
  await expect(key('a')).toHaveAttribute('aria-selected', 'true');
  await page.screenshot({ path: 'test-results/screenshots/key-context-menu.png' });
  await menu.getByRole('menuitem', { name: 'Copy name' }).click();
  await expect(menu).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toHaveText('Copied the name “menu:a”.');
  expect(await clipboardText(page)).toBe('menu:a');

  // Rename…: a taken name is refused in the dialog (RENAMENX), nothing lost; a free one works.
  await key('a').click({ button: 'right' });
  await menu.getByRole('menuitem', { name: 'Rename…' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('New name', { exact: true })).toHaveValue('menu:a');
  await dialog.getByLabel('New name', { exact: true }).fill('menu:b');
  await dialog.getByRole('button', { name: 'Rename' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('A key named "menu:b" already exists; nothing was renamed.');
  await page.screenshot({ path: 'test-results/screenshots/rename-dialog.png' });
  expect(await admin.mget('menu:a', 'menu:b')).toEqual(['A', 'B']);
  await dialog.getByLabel('New name', { exact: true }).fill('menu:renamed');
  await dialog.getByRole('button', { name: 'Rename' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(tree).toBeFocused();
  expect(await admin.exists('menu:a')).toBe(0);
  expect(await admin.get('menu:renamed')).toBe('A');
  await expect(key('renamed')).toBeVisible();
  await expect(key('a')).toHaveCount(0);

  // Set TTL…
  await key('c').click({ button: 'right' });
  await menu.getByRole('menuitem', { name: 'Set TTL…' }).click();
  await dialog.getByLabel('Time to live').fill('300');
  await dialog.getByRole('button', { name: 'Set TTL' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'expires' })).toHaveText('“menu:c” expires in 5 min.');
  const ttl = await admin.pttl('menu:c');
  expect(ttl).toBeGreaterThan(200_000);
  expect(ttl).toBeLessThanOrEqual(300_000);

  // The keyboard: Shift+F10 and the ContextMenu key open the menu on the focused row.
  await key('b').click();
  await page.keyboard.press('Shift+F10');
  await expect(menu.getByRole('menuitem', { name: 'Open' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Copy name' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(tree).toBeFocused();
  await page.keyboard.press('ContextMenu');
  await page.keyboard.press('End');
  await expect(menu.getByRole('menuitem', { name: 'Delete…' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toContainText('“menu:b” will be deleted');
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect.poll(() => admin.exists('menu:b')).toBe(0);
  await expect(key('b')).toHaveCount(0);

  // A folder: expand/collapse, copy its prefix, delete it whole.
  const fold = tree.getByRole('treeitem', { name: 'fold', exact: true });
  await fold.click({ button: 'right' });
  await expect(menuItems(page)).toHaveText([/^Expand/, /^Copy prefix/, /^Delete folder…/]);
  await page.getByRole('menuitem', { name: 'Expand' }).click();
  await expect(fold).toHaveAttribute('aria-expanded', 'true');
  await fold.click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Copy prefix' }).click();
  expect(await clipboardText(page)).toBe('fold:');
  await fold.click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Delete folder…' }).click();
  await dialog.getByRole('button', { name: 'Delete 3 keys' }).click();
  await expect.poll(() => admin.keys('fold:*')).toEqual([]);
  await expect(fold).toHaveCount(0);

  // Right-click inside a multi-selection: the menu acts on the selection.
  await key('c').click();
  await key('renamed').click({ modifiers: ['Shift'] });
  await key('renamed').click({ button: 'right' });
  await expect(page.getByRole('menu', { name: 'Selection actions' }).getByRole('menuitem')).toHaveText([
    /^Delete 2 selected…/,
    /^Set TTL of selected keys…/,
    /^Clear selection/,
  ]);
  await page.keyboard.press('Escape');

  // F5 and Ctrl+R rescan inside the browser, without reloading the page.
  await page.evaluate(() => ((globalThis as unknown as { marker: number }).marker = 42));
  await admin.set('menu:new', 'n');
  await tree.focus();
  await page.keyboard.press('F5');
  await expect(key('new')).toBeVisible();
  await admin.set('menu:newer', 'n');
  await page.keyboard.press('ControlOrMeta+r');
  await expect(key('newer')).toBeVisible();
  expect(await page.evaluate(() => (globalThis as unknown as { marker: number }).marker)).toBe(42);
});

test('a read-only profile offers no write action anywhere', async ({ page }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'New connection' }).first().click();
  await page.getByLabel('Name', { exact: true }).fill('Careful');
  await page.getByLabel('Port', { exact: true }).fill(String(redis.port));
  await page.getByLabel('Read-only (no writes from Redlens)').check();
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('button', { name: 'Connect to Careful' }).click();

  const tree = page.getByRole('tree', { name: 'Keys' });
  const menuFolder = tree.getByRole('treeitem', { name: 'menu', exact: true });
  await menuFolder.click({ button: 'right' });
  await expect(menuItems(page)).toHaveText([/^Expand/, /^Copy prefix/]);
  await page.keyboard.press('Escape');
  await menuFolder.click();
  const key = (name: string) => tree.locator('[aria-level="2"]').and(page.getByRole('treeitem', { name, exact: true }));
  await key('c').click({ button: 'right' });
  await expect(menuItems(page)).toHaveText([/^Open/, /^Copy name/]);
  await page.keyboard.press('Escape');

  // Selecting still works (to look, copy, compare): the bar offers only Clear.
  await key('newer').click();
  await key('renamed').click({ modifiers: ['Shift'] });
  const bar = page.getByRole('group', { name: 'Selection' });
  await expect(bar.getByRole('status')).toHaveText('2 keys selected');
  await expect(bar.getByRole('button')).toHaveText(['Clear']);
  await key('renamed').click({ button: 'right' });
  await expect(menuItems(page)).toHaveText([/^Clear selection/]);
  await page.keyboard.press('Escape');
  await page.screenshot({ path: 'test-results/screenshots/read-only-selection.png' });

  // Keys that would write do nothing; the details pane has no write buttons either.
  await page.keyboard.press('Delete');
  await page.keyboard.press('F2');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await key('c').click();
  const details = page.getByRole('region', { name: 'Key', exact: true });
  await expect(details.getByRole('button', { name: 'Copy name' })).toBeVisible();
  await expect(details.getByRole('button', { name: /Delete|Rename|TTL|Persist|Save/ })).toHaveCount(0);
  expect(await admin.exists('menu:c', 'menu:newer', 'menu:renamed')).toBe(3);
});
