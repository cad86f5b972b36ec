import { expect, test, type Page } from '@playwright/test';
import type Redis from 'ioredis';
import { countKeys } from '../../electron/core/localRedis/testSupport';
import { hostAndRedisPerFile } from '../support/hostAndRedis';
import { saveProfileAndConnect } from '../support/profileFlow';

// Switching the database while a bulk delete or a folder delete runs (issue #11): the delete
// goes on in the db the keys were selected in, and the other db keeps every key. Both dbs hold
// the same names, so a command that ran in the wrong db would show at once. Checked with a
// separate ioredis client.
//
// "While it runs" must be certain, not a race against a fast delete: the end of each delete (the
// bulk delete's answer, the folder job's final event) is held back in the routed WebSocket until
// the switch has landed — the order the user sees when the delete outlasts the switch. That core
// really keeps deleting in db0 across a switch is checked in keys/dbPinning.int.test.ts.
const BULK = 60_000;
const FOLDER = 60_000;

const bed = hostAndRedisPerFile();
let admin: Redis;

async function fill(db: number, prefix: string, n: number): Promise<void> {
  await admin.select(db);
  for (let from = 0; from < n; from += 5_000) {
    const args: string[] = [];
    for (let i = from; i < Math.min(from + 5_000, n); i++) args.push(`${prefix}${i}`, '1');
    await admin.mset(...args);
  }
}
async function count(db: number, pattern: string): Promise<number> {
  await admin.select(db);
  return countKeys(admin, pattern);
}

test.beforeAll(async () => {
  admin = await bed.redis.node.client();
  for (const db of [0, 1]) {
    await fill(db, 'bulk:', BULK);
    await fill(db, 'f:', FOLDER);
  }
});
test.afterAll(() => admin?.disconnect());

/** Holds back the end of every delete until `release()`; everything else passes. */
async function holdDeleteEnds(page: Page): Promise<{ release(): void }> {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.routeWebSocket(/.*/, (ws) => {
    const server = ws.connectToServer();
    const deleteCalls = new Set<number>();
    ws.onMessage((message) => {
      const call = JSON.parse(String(message)) as { method?: string; id?: number };
      if (call.method === 'keys.delete' && call.id !== undefined) deleteCalls.add(call.id);
      server.send(message);
    });
    server.onMessage(async (message) => {
      const m = JSON.parse(String(message)) as {
        type?: string;
        id?: number;
        event?: string;
        payload?: { state?: string };
      };
      const bulkEnd = m.type === 'result' && m.id !== undefined && deleteCalls.has(m.id);
      const jobEnd = m.type === 'event' && m.event === 'keys.job' && m.payload?.state !== 'running';
      if (bulkEnd || jobEnd) await held;
      ws.send(message);
    });
  });
  return { release };
}

async function connected(page: Page, name: string, keys: number): Promise<void> {
  await page.goto(bed.host.url);
  await saveProfileAndConnect(page, name, bed.redis.port);
  await expect(page.getByRole('status').filter({ hasText: 'keys loaded' })).toHaveText(
    `All ${keys.toLocaleString('en-US')} keys loaded`,
    { timeout: 30_000 },
  );
}

test('a bulk delete keeps deleting in db0 when the session switches to db1', async ({ page }) => {
  test.setTimeout(120_000);
  const deletes = await holdDeleteEnds(page);
  await connected(page, 'Bulk switch', BULK + FOLDER);
  await page.getByRole('button', { name: 'Flat list' }).click();
  await page.getByLabel('Find keys').fill('bulk:*');
  await page.getByLabel('Find keys').press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'match' })).toContainText('60,000 keys match');
  await page.getByRole('tree', { name: 'Keys' }).focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Delete 60,000 keys' }).click();

  // While it runs (six batches of 10,000), the user switches to db1.
  await expect(page.getByRole('status').filter({ hasText: 'Deleting…' })).toBeVisible();
  await page.getByLabel('Database').selectOption('1');
  await expect(page.getByRole('status').filter({ hasText: 'Deleting…' })).toContainText('in db0');
  deletes.release();
  await expect(page.getByRole('status').filter({ hasText: 'Deleted' })).toHaveText('Deleted 60,000 keys from db0.', {
    timeout: 60_000,
  });
  await page.screenshot({ path: 'test-results/screenshots/db-switch-bulk.png' });
  expect(await count(0, 'bulk:*')).toBe(0);
  expect(await count(1, 'bulk:*')).toBe(BULK);
  expect(await count(1, 'f:*')).toBe(FOLDER);
});

test('a folder delete keeps deleting in db0 when the session switches to db1', async ({ page }) => {
  test.setTimeout(120_000);
  const deletes = await holdDeleteEnds(page);
  await connected(page, 'Folder switch', (await count(0, '*')) as number);
  const tree = page.getByRole('tree', { name: 'Keys' });
  const folder = tree.getByRole('treeitem', { name: 'f', exact: true });
  await folder.click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Delete folder…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete 60,000 keys' }).click();

  await expect(page.getByRole('status').filter({ hasText: 'Deleting “f:”' })).toBeVisible();
  await page.getByLabel('Database').selectOption('1');
  // The job's line now says where it works.
  await expect(page.getByRole('status').filter({ hasText: 'Deleting “f:” in db0' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/db-switch-folder.png' });
  deletes.release();
  await expect.poll(() => count(0, 'f:*'), { timeout: 60_000 }).toBe(0);
  expect(await count(1, 'f:*')).toBe(FOLDER);
  expect(await count(1, 'bulk:*')).toBe(BULK);
  // db1's tree is complete and unaffected.
  await expect(page.getByRole('status').filter({ hasText: 'keys loaded' })).toHaveText(
    `All ${(BULK + FOLDER).toLocaleString('en-US')} keys loaded`,
    { timeout: 30_000 },
  );
});
