import { expect, test } from '@playwright/test';
import { startStandalone, type StandaloneServer } from '../../electron/core/localRedis/testSupport';
import { saveProfileAndConnect } from '../support/profileFlow';
import { editorArea, keyRegion } from '../support/valueEditorFlow';
import { startWebHostProcess, type RunningWebHost } from '../support/webHostProcess';

// New keys through the dialog: strings with a TTL in seconds or milliseconds and NX / XX, a hash
// with its fields, many strings at once (MSET / MSETNX, all or nothing); read back with another client.
let host: RunningWebHost;
let redis: StandaloneServer;

test.beforeAll(async () => {
  [host, redis] = await Promise.all([startWebHostProcess(), startStandalone()]);
});
test.afterAll(async () => {
  await Promise.all([host?.stop(), redis?.stop()]);
});

test('creates strings, a hash and many strings; refusals are explained and write nothing', async ({ page }) => {
  const admin = await redis.node.client();
  try {
    await admin.set('taken', 'original');
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(host.url);
    await saveProfileAndConnect(page, 'New keys', redis.port);
    await expect(page.getByRole('status').filter({ hasText: 'key is loaded' })).toHaveText('The only key is loaded');
    const tree = page.getByRole('tree', { name: 'Keys' });

    // Ctrl+N in the key browser: a string with a TTL in seconds; it opens and joins the tree.
    await tree.focus();
    await page.keyboard.press('ControlOrMeta+n');
    const dialog = page.getByRole('dialog', { name: 'New key' });
    await dialog.getByLabel('Name', { exact: true }).fill('greeting');
    await dialog.getByLabel('Value', { exact: true }).fill('hello\nworld');
    await dialog.getByLabel(/^TTL \(/).fill('120');
    await page.screenshot({ path: 'test-results/screenshots/new-key.png' });
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(keyRegion(page).getByRole('heading', { name: 'greeting' })).toBeVisible();
    await expect(editorArea(keyRegion(page))).toContainText('world');
    await expect(tree.getByRole('treeitem', { name: 'greeting', exact: true })).toBeVisible();
    expect(await admin.get('greeting')).toBe('hello\nworld');
    expect(await admin.ttl('greeting')).toBeGreaterThan(100);

    // NX refuses an existing key, plainly; nothing is written.
    await page.getByRole('button', { name: '+ New key' }).click();
    await dialog.getByLabel('Name', { exact: true }).fill('taken');
    await dialog.getByLabel('Value', { exact: true }).fill('clobbered?');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(dialog.getByRole('alert')).toContainText('A key named “taken” already exists');
    expect(await admin.get('taken')).toBe('original');
    // XX on a missing key refuses too; XX on the existing one writes, with a TTL in milliseconds.
    await dialog.getByLabel('Only if it exists (XX)').check();
    await dialog.getByLabel('Name', { exact: true }).fill('missing');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(dialog.getByRole('alert')).toContainText('No key named “missing” exists');
    expect(await admin.exists('missing')).toBe(0);
    await dialog.getByLabel('Name', { exact: true }).fill('taken');
    await dialog.getByLabel(/^TTL \(/).fill('90000');
    await dialog.getByLabel('TTL unit').selectOption('ms');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(dialog).toHaveCount(0);
    expect(await admin.get('taken')).toBe('clobbered?');
    const pttl = await admin.pttl('taken');
    expect(pttl).toBeGreaterThan(80_000);
    expect(pttl).toBeLessThanOrEqual(90_000);

    // A hash with its first fields.
    await page.getByRole('button', { name: '+ New key' }).click();
    await dialog.getByRole('radio', { name: 'Hash' }).click();
    await dialog.getByLabel('Name', { exact: true }).fill('profile');
    await dialog.getByLabel('Field 1', { exact: true }).fill('name');
    await dialog.getByLabel('Value 1', { exact: true }).fill('Ada');
    await dialog.getByRole('button', { name: '+ Add a field' }).click();
    await dialog.getByLabel('Field 2', { exact: true }).fill('lang');
    await dialog.getByLabel('Value 2', { exact: true }).fill('en');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(keyRegion(page).getByTestId('value-size')).toHaveText('2 fields');
    expect(await admin.hgetall('profile')).toEqual({ name: 'Ada', lang: 'en' });
    expect(await admin.ttl('profile')).toBe(-1);

    // Many strings at once: MSETNX writes all; then refuses all when one exists.
    await page.getByRole('button', { name: '+ New key' }).click();
    await dialog.getByRole('radio', { name: 'Several strings' }).click();
    const bulk = dialog.getByLabel('Keys and values (key=value lines, or a JSON object)');
    await bulk.fill('bulk:a=1\nbulk:b=x=y\n');
    await expect(dialog.getByText('2 keys to write.')).toBeVisible();
    await dialog.getByRole('button', { name: 'Write keys' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByText('Wrote 2 keys at once (MSETNX).')).toBeVisible();
    expect(await admin.mget('bulk:a', 'bulk:b')).toEqual(['1', 'x=y']);

    await page.getByRole('button', { name: '+ New key' }).click();
    await dialog.getByRole('radio', { name: 'Several strings' }).click();
    await bulk.fill('{"bulk:b": "changed", "bulk:c": 12345678901234567890}');
    await dialog.getByRole('button', { name: 'Write keys' }).click();
    await expect(dialog.getByRole('alert')).toContainText('Nothing was written: “bulk:b” already exist');
    expect(await admin.exists('bulk:c')).toBe(0);
    expect(await admin.get('bulk:b')).toBe('x=y');
    // Without "only if none exist" it is a plain MSET: all written, numbers exact.
    await dialog.getByLabel('Only if none of them exist (MSETNX)').uncheck();
    await dialog.getByRole('button', { name: 'Write keys' }).click();
    await expect(dialog).toHaveCount(0);
    expect(await admin.mget('bulk:b', 'bulk:c')).toEqual(['changed', '12345678901234567890']);
  } finally {
    admin.disconnect();
  }
});
