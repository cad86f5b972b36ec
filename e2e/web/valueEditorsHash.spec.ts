import { expect, test, type Page } from '@playwright/test';
import { saveProfileAndConnect } from '../support/profileFlow';
import { withRedis } from '../support/withRedis';
import { editorArea, keyRegion, openKey, replaceText } from '../support/valueEditorFlow';
import { startWebHostProcess, type RunningWebHost } from '../support/webHostProcess';

// Hashes (paged, edited in place and in the side editor, fields added, renamed, deleted), the
// other types viewable, comparing strings, and a read-only profile; checked with another client.
let host: RunningWebHost;

test.beforeAll(async () => {
  host = await startWebHostProcess();
});
test.afterAll(async () => {
  await host?.stop();
});

const grid = (page: Page, name: string) => keyRegion(page).getByRole('grid', { name });
/** The row with a cell whose whole text is `text`. */
const row = (page: Page, gridName: string, text: string) =>
  grid(page, gridName)
    .getByRole('row')
    .filter({ has: page.getByRole('gridcell', { name: text, exact: true }) });

test('a hash: edit in place and in the side editor, add, rename, delete, binary fields', async ({ page }) => {
  await withRedis(async (redis) => {
    const admin = await redis.node.client();
    try {
      await admin.hset('user:1', 'name', 'Ada', 'email', 'ada@example.com', 'bio', '{"lang":"en"}', 'nick', 'ada');
      await admin.hset('user:1', Buffer.from([0x66, 0xff, 0x00]), Buffer.from([0x01, 0x02]));
      await page.setViewportSize({ width: 1400, height: 900 });
      await page.goto(host.url);
      await saveProfileAndConnect(page, 'Hashes', redis.port);
      await openKey(page, 'user:1');
      const region = keyRegion(page);
      await expect(region.getByTestId('value-size')).toHaveText('5 fields');
      await expect(grid(page, 'Hash fields').getByRole('columnheader')).toHaveText(['', 'Field', 'Value', 'Size']);
      await expect(row(page, 'Hash fields', 'f\\xff\\x00')).toContainText('\\x01\\x02');

      // In place: double-click a short value, type, Enter.
      await row(page, 'Hash fields', 'name').getByRole('gridcell').nth(2).dblclick();
      await region.getByLabel('Edit value').fill('Ada Lovelace');
      await region.getByLabel('Edit value').press('Enter');
      await expect(row(page, 'Hash fields', 'name')).toContainText('Ada Lovelace');
      expect(await admin.hget('user:1', 'name')).toBe('Ada Lovelace');

      // Side editor: the same views as strings; JSON saved compact.
      await row(page, 'Hash fields', 'bio').getByRole('gridcell').nth(1).dblclick();
      const panel = region.getByRole('region', { name: 'Field bio' });
      await expect(panel.getByRole('tab', { name: 'JSON' })).toHaveAttribute('aria-selected', 'true');
      await replaceText(page, editorArea(panel, 'Value of field bio'), '{\n  "lang": "fr",\n  "level": 3\n}');
      await page.keyboard.press('ControlOrMeta+s');
      await expect(panel.getByText(/^Saved/)).toBeVisible();
      expect(await admin.hget('user:1', 'bio')).toBe('{"lang":"fr","level":3}');
      await expect(row(page, 'Hash fields', 'bio')).toContainText('"level":3');
      await page.screenshot({ path: 'test-results/screenshots/value-hash.png' });
      await panel.getByRole('button', { name: 'Close field' }).click();

      // Add: HSETNX refuses an existing field with a clear message; a new one is added.
      await region.getByRole('button', { name: 'Add field…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add field' });
      await dialog.getByLabel('Field', { exact: true }).fill('email');
      await dialog.getByLabel('Value', { exact: true }).fill('other@example.com');
      await dialog.getByRole('button', { name: 'Add' }).click();
      await expect(dialog.getByRole('alert')).toContainText('already has a field');
      expect(await admin.hget('user:1', 'email')).toBe('ada@example.com');
      await dialog.getByLabel('Field', { exact: true }).fill('phone');
      await dialog.getByRole('button', { name: 'Add' }).click();
      await expect(dialog).toHaveCount(0);
      await expect(row(page, 'Hash fields', 'phone')).toContainText('other@example.com');
      expect(await admin.hget('user:1', 'phone')).toBe('other@example.com');
      await expect(region.getByTestId('value-size')).toHaveText('6 fields');
      // The total counts the field added here (never "6 of 5").
      const loaded = region.getByRole('status').filter({ hasText: 'fields loaded' });
      await expect(loaded).toHaveText(/^6 of 6 fields loaded/);

      // Rename (F2 on the active row), refused onto an existing name, then done atomically.
      await row(page, 'Hash fields', 'nick').click();
      await page.keyboard.press('F2');
      const rename = page.getByRole('dialog', { name: 'Rename field' });
      await rename.getByLabel('New field name').fill('name');
      await rename.getByRole('button', { name: 'Rename' }).click();
      await expect(rename.getByRole('alert')).toContainText('already has a field');
      await rename.getByLabel('New field name').fill('handle');
      await rename.getByRole('button', { name: 'Rename' }).click();
      await expect(row(page, 'Hash fields', 'handle')).toBeVisible();
      expect(await admin.hget('user:1', 'handle')).toBe('ada');
      expect(await admin.hexists('user:1', 'nick')).toBe(0);

      // Delete several, with confirmation; the binary field by its exact bytes.
      await region.getByRole('checkbox', { name: 'Select field handle' }).check();
      await region.getByRole('checkbox', { name: 'Select field f\\xff\\x00' }).check();
      await region.getByRole('button', { name: 'Delete 2 selected…' }).click();
      await page.getByRole('dialog', { name: 'Delete 2 fields?' }).getByRole('button', { name: 'Delete' }).click();
      await expect(row(page, 'Hash fields', 'handle')).toHaveCount(0);
      expect(await admin.hexists('user:1', 'handle')).toBe(0);
      expect(await admin.hexists('user:1', Buffer.from([0x66, 0xff, 0x00]))).toBe(0);
      expect(await admin.hlen('user:1')).toBe(4);
      await expect(loaded).toHaveText(/^4 of 4 fields loaded/);

      // The filter goes to the server as HSCAN MATCH.
      await region.getByLabel('Filter fields').fill('*mail');
      await region.getByLabel('Filter fields').press('Enter');
      await expect(grid(page, 'Hash fields').getByRole('row')).toHaveCount(2);
      await expect(row(page, 'Hash fields', 'email')).toBeVisible();
    } finally {
      admin.disconnect();
    }
  });
});

test('a big hash pages in as the grid scrolls, every field once', async ({ page }) => {
  await withRedis(async (redis) => {
    const admin = await redis.node.client();
    try {
      const pipeline = admin.pipeline();
      for (let i = 0; i < 5000; i += 500) {
        const fields: string[] = [];
        for (let j = i; j < i + 500; j++) fields.push(`field:${j}`, `value ${j}`);
        pipeline.hset('big', ...fields);
      }
      await pipeline.exec();
      await page.goto(host.url);
      await saveProfileAndConnect(page, 'Paging', redis.port);
      await openKey(page, 'big');
      const status = keyRegion(page).getByRole('status').filter({ hasText: 'fields loaded' });
      await expect(status).toContainText('of 5,000 fields loaded — scroll for more');
      const table = grid(page, 'Hash fields');
      // To the end, then wait for the next page to arrive (the count moves on), until all are in.
      for (let i = 0; i < 40; i++) {
        const before = (await status.textContent()) ?? '';
        if (before.startsWith('5,000 of')) break;
        await table.evaluate((el) => el.scrollBy(0, el.scrollHeight));
        await expect(status).not.toHaveText(before);
      }
      await expect(status).toHaveText(/^5,000 of 5,000 fields loaded/);
      await expect(table).toHaveAttribute('aria-rowcount', '5001');
    } finally {
      admin.disconnect();
    }
  });
});

test('lists, sets, sorted sets and streams are viewable; strings compare side by side', async ({ page }) => {
  await withRedis(async (redis) => {
    const admin = await redis.node.client();
    try {
      await admin
        .multi()
        .rpush('queue', 'first', 'second', 'third')
        .sadd('tags', 'red', 'green')
        .zadd('scores', '1.5', 'ada', '-inf', 'bob')
        .xadd('events', '1700000000000-0', 'type', 'login', 'user', 'ada')
        .set('cmp:a', 'alpha\nshared line\n')
        .set('cmp:b', 'beta\nshared line\n')
        .exec();
      await page.setViewportSize({ width: 1400, height: 900 });
      await page.goto(host.url);
      await saveProfileAndConnect(page, 'Types', redis.port);

      await openKey(page, 'queue');
      await expect(row(page, 'list elements', 'second')).toContainText('1');
      await expect(keyRegion(page).getByTestId('value-size')).toHaveText('3 items');
      await openKey(page, 'tags');
      await expect(grid(page, 'set elements').getByRole('row')).toHaveCount(3);
      await openKey(page, 'scores');
      await expect(row(page, 'zset elements', 'bob')).toContainText('-inf');
      await expect(row(page, 'zset elements', 'ada')).toContainText('1.5');
      await openKey(page, 'events');
      await expect(row(page, 'stream elements', '1700000000000-0')).toContainText('type=login  user=ada');
      await page.screenshot({ path: 'test-results/screenshots/value-stream.png' });

      // Compare: select two strings in the tree, one MGET, a diff.
      const tree = page.getByRole('tree', { name: 'Keys' });
      await page.getByLabel('Find keys').fill('');
      await page.getByLabel('Find keys').press('Enter');
      await tree.getByRole('treeitem', { name: 'cmp', exact: true }).click();
      await tree.getByRole('treeitem', { name: 'a', exact: true }).click();
      await tree.getByRole('treeitem', { name: 'b', exact: true }).click({ modifiers: ['ControlOrMeta'] });
      await page.getByRole('button', { name: 'Compare 2 values' }).click();
      const compare = page.getByRole('dialog', { name: 'Compare 2 keys' });
      await expect(editorArea(compare, 'cmp:a')).toContainText('alpha');
      await expect(editorArea(compare, 'cmp:b')).toContainText('beta');
      await page.screenshot({ path: 'test-results/screenshots/value-compare.png' });
      await compare.getByRole('button', { name: 'Close' }).click();
    } finally {
      admin.disconnect();
    }
  });
});

test('a read-only profile shows values but no edit controls', async ({ page }) => {
  await withRedis(async (redis) => {
    const admin = await redis.node.client();
    try {
      await admin.multi().set('text', 'look, do not touch').hset('h', 'f', 'v').exec();
      await page.goto(host.url);
      await page.getByRole('button', { name: 'New connection' }).first().click();
      await page.getByLabel('Name', { exact: true }).fill('Prod');
      await page.getByLabel('Port', { exact: true }).fill(String(redis.port));
      await page.getByLabel('Read-only (no writes from Redlens)').check();
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('button', { name: 'Connect to Prod' }).click();
      const region = keyRegion(page);

      await openKey(page, 'text');
      await expect(editorArea(region)).toHaveText('look, do not touch');
      await expect(editorArea(region)).toHaveAttribute('aria-readonly', 'true');
      await expect(region.getByText('Read-only session: values are shown, not editable.')).toBeVisible();
      await expect(region.getByRole('button', { name: /Save|Discard|Rename|TTL|Delete|Persist/ })).toHaveCount(0);
      await expect(page.getByRole('button', { name: '+ New key' })).toHaveCount(0);

      await openKey(page, 'h');
      await expect(row(page, 'Hash fields', 'f')).toContainText('v');
      await expect(region.getByRole('checkbox')).toHaveCount(0);
      await expect(region.getByRole('button', { name: /Add field|Delete/ })).toHaveCount(0);
      await row(page, 'Hash fields', 'f').dblclick();
      await expect(editorArea(region, 'Value of field f')).toHaveAttribute('aria-readonly', 'true');
      await expect(region.getByLabel('Edit value')).toHaveCount(0);
    } finally {
      admin.disconnect();
    }
  });
});
