import { expect, test } from '@playwright/test';
import type Redis from 'ioredis';
import { countKeys, startStandalone, type StandaloneServer } from '../../electron/core/localRedis/testSupport';
import { saveProfileAndConnect } from '../support/profileFlow';
import { startWebHostProcess, type RunningWebHost } from '../support/webHostProcess';

// Bulk actions at size: a selection of 25,000 keys goes in batches of 10,000 (read from core
// page by page, never held as rows in the UI before the action), and one beyond the cap of
// 100,000 keys is refused with what to do instead. Checked with a separate ioredis client.
let host: RunningWebHost;
let redis: StandaloneServer;
let admin: Redis;

const BULK = 25_000;
const HUGE = 100_500;

test.beforeAll(async () => {
  [host, redis] = await Promise.all([startWebHostProcess(), startStandalone()]);
  admin = await redis.node.client();
  const pipeline = admin.pipeline();
  for (let from = 0; from < HUGE; from += 5_000) {
    const args: string[] = [];
    for (let i = from; i < Math.min(from + 5_000, HUGE); i++) args.push(`huge:${i}`, '1');
    pipeline.mset(...args);
  }
  for (let from = 0; from < BULK; from += 5_000) {
    const args: string[] = [];
    for (let i = from; i < from + 5_000; i++) args.push(`bulk:${i}`, '1');
    pipeline.mset(...args);
  }
  pipeline.set('bulkx', 'a neighbour that stays');
  await pipeline.exec();
});
test.afterAll(async () => {
  admin?.disconnect();
  await Promise.all([host?.stop(), redis?.stop()]);
});

test('25,000 selected keys are deleted in batches; more than 100,000 are refused', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(host.url);
  await saveProfileAndConnect(page, 'Bulk', redis.port);
  await expect(page.getByRole('status').filter({ hasText: 'keys loaded' })).toHaveText(
    `All ${(HUGE + BULK + 1).toLocaleString('en-US')} keys loaded`,
    { timeout: 30_000 },
  );
  const tree = page.getByRole('tree', { name: 'Keys' });
  const bar = page.getByRole('group', { name: 'Selection' });
  const dialog = page.getByRole('dialog');

  // Everything matching bulk:* in the flat list, selected with Ctrl+A.
  await page.getByRole('button', { name: 'Flat list' }).click();
  await page.getByLabel('Find keys').fill('bulk:*');
  await page.getByLabel('Find keys').press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'match' })).toContainText('25,000 keys match');
  await tree.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await expect(bar.getByRole('status')).toHaveText('25,000 keys selected');
  await page.keyboard.press('Delete');
  await expect(dialog.getByRole('heading')).toHaveText('Delete 25,000 keys?');
  await expect(dialog.getByRole('list', { name: 'Keys to delete' }).getByRole('listitem')).toHaveText([
    'bulk:0',
    'bulk:1',
    'bulk:2',
    'bulk:3',
    'bulk:4',
    '…and 24,995 more keys',
  ]);
  await dialog.getByRole('button', { name: 'Delete 25,000 keys' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Deleted' })).toHaveText(
    'Deleted 25,000 keys from the server.',
    { timeout: 30_000 },
  );
  expect(await countKeys(admin, 'bulk:*')).toBe(0);
  expect(await admin.get('bulkx')).toBe('a neighbour that stays');
  await expect(page.getByText('No keys match “bulk:*”.')).toBeVisible();

  // Over the cap: refused before anything is sent, with a next step.
  await page.getByLabel('Find keys').fill('huge:*');
  await page.getByLabel('Find keys').press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'match' })).toContainText('100,500 keys match', {
    timeout: 30_000,
  });
  await tree.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await expect(bar.getByRole('status')).toHaveText(
    '100,500 keys selected — more than bulk actions take (100,000 keys)',
  );
  await bar.getByRole('button', { name: 'Delete…' }).click();
  await expect(dialog.getByRole('alert')).toContainText('more than 100,000 keys');
  await expect(dialog.getByRole('alert')).toContainText('narrow the list with a pattern, or delete whole folders');
  await page.screenshot({ path: 'test-results/screenshots/bulk-cap.png' });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await bar.getByRole('button', { name: 'Set TTL…' }).click();
  await expect(dialog.getByRole('alert')).toContainText('more than 100,000 keys');
  await dialog.getByRole('button', { name: 'Close' }).click();
  expect(await countKeys(admin, 'huge:*')).toBe(HUGE);
  expect(await admin.pttl('huge:0')).toBe(-1);
});
