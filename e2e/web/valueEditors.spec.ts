import { expect, test } from '@playwright/test';
import { saveProfileAndConnect } from '../support/profileFlow';
import { withRedis } from '../support/withRedis';
import { editorArea, keyRegion, openKey, replaceText } from '../support/valueEditorFlow';
import { startWebHostProcess, type RunningWebHost } from '../support/webHostProcess';

// The string editor through the UI against real Redis; every write is read back byte for byte
// with a separate ioredis client. Each test has its own redis-server.
let host: RunningWebHost;

test.beforeAll(async () => {
  host = await startWebHostProcess();
});
test.afterAll(async () => {
  await host?.stop();
});

test('text, JSON and hex edits write exactly the bytes shown; the TTL survives saves', async ({ page }) => {
  await withRedis(async (redis) => {
    const admin = await redis.node.client();
    try {
      await admin
        .multi()
        .set('doc:text', 'hello\r\nworld', 'EX', 3600)
        .set('doc:json', '{"name":"ada","n":12345678901234567890,"f":1.50}')
        .set('doc:bin', Buffer.from([0x00, 0xff, 0x41, 0x0a, 0x80]))
        .exec();
      await page.setViewportSize({ width: 1400, height: 900 });
      await page.goto(host.url);
      await saveProfileAndConnect(page, 'Strings', redis.port);
      const region = keyRegion(page);

      // Text: CR LF stays CR LF; Ctrl+S saves with KEEPTTL.
      await openKey(page, 'doc:text');
      await expect(region.getByRole('tab', { name: 'Text' })).toHaveAttribute('aria-selected', 'true');
      await expect(region.getByTestId('value-ttl')).toHaveText(/^(59|1 h)/);
      const editor = editorArea(region);
      await editor.click();
      await page.keyboard.press('ControlOrMeta+End');
      await page.keyboard.insertText(' again ✓');
      await expect(region.getByText('Modified')).toBeVisible();
      await page.keyboard.press('ControlOrMeta+s');
      await expect(region.getByText(/^Saved \d+ B/)).toBeVisible();
      expect(await admin.getBuffer('doc:text')).toEqual(Buffer.from('hello\r\nworld again ✓'));
      expect(await admin.ttl('doc:text')).toBeGreaterThan(3500);
      // F5 inside the editor reloads the key (not the page, not the tree); an unsaved edit survives it.
      await editorArea(region).click();
      await page.keyboard.insertText('!');
      await page.keyboard.press('F5');
      await expect(region.getByText('Your unsaved edit was restored.')).toBeVisible();
      await expect(editorArea(region)).toContainText('again ✓!');
      await region.getByRole('button', { name: 'Discard' }).click();
      await expect(editorArea(region)).not.toContainText('!');
      expect(await admin.get('doc:text')).toBe('hello\r\nworld again ✓');

      // JSON: shown pretty, saved compact by default (it was compact), numbers untouched.
      await openKey(page, 'doc:json');
      await expect(region.getByRole('tab', { name: 'JSON' })).toHaveAttribute('aria-selected', 'true');
      await expect(editorArea(region)).toContainText('"n": 12345678901234567890');
      await replaceText(
        page,
        editorArea(region),
        '{\n  "name": "grace",\n  "n": 12345678901234567890,\n  "f": 1.50\n}',
      );
      await region.getByRole('button', { name: 'Save', exact: true }).click();
      await expect(region.getByText(/^Saved/)).toBeVisible();
      expect(await admin.get('doc:json')).toBe('{"name":"grace","n":12345678901234567890,"f":1.50}');
      // Invalid JSON is refused before anything is sent; the text stays.
      await editorArea(region).click();
      await page.keyboard.press('ControlOrMeta+End');
      await page.keyboard.insertText(',');
      await region.getByRole('button', { name: 'Save', exact: true }).click();
      await expect(region.getByRole('alert')).toContainText('Cannot save: Not valid JSON');
      expect(await admin.get('doc:json')).toBe('{"name":"grace","n":12345678901234567890,"f":1.50}');
      await region.getByRole('button', { name: 'Discard' }).click();

      // Hex: non-UTF-8 opens in Hex; editing the digits writes exactly those bytes.
      await openKey(page, 'doc:bin');
      await expect(region.getByRole('tab', { name: 'Hex' })).toHaveAttribute('aria-selected', 'true');
      await expect(editorArea(region)).toContainText('00 ff 41 0a 80');
      await page.screenshot({ path: 'test-results/screenshots/value-hex.png' });
      await replaceText(page, editorArea(region), '00 ff 42 0a 80 fe 00');
      await region.getByRole('button', { name: 'Save', exact: true }).click();
      await expect(region.getByText(/^Saved 7 B/)).toBeVisible();
      expect(await admin.getBuffer('doc:bin')).toEqual(Buffer.from([0x00, 0xff, 0x42, 0x0a, 0x80, 0xfe, 0x00]));
      // The Text view shows the same bytes escaped, and reads them back exactly.
      await region.getByRole('tab', { name: 'Text' }).click();
      await expect(editorArea(region)).toContainText('\\x00\\xffB');
      await expect(region.getByText(/Not UTF-8: shown escaped/)).toBeVisible();
    } finally {
      admin.disconnect();
    }
  });
});

test('a value changed by someone else is detected on save, both versions shown', async ({ page }) => {
  await withRedis(async (redis) => {
    const admin = await redis.node.client();
    try {
      await admin.set('shared', 'line one\nline two\n');
      await page.goto(host.url);
      await saveProfileAndConnect(page, 'Conflicts', redis.port);
      const region = keyRegion(page);
      await openKey(page, 'shared');
      await editorArea(region).click();
      await page.keyboard.press('ControlOrMeta+End');
      await page.keyboard.insertText('mine\n');

      await admin.set('shared', 'line one\nline 2 (theirs)\n');
      await page.keyboard.press('ControlOrMeta+s');
      const conflict = region.getByRole('region', { name: 'Conflict' });
      await expect(conflict.getByRole('alert')).toContainText('Changed on the server');
      await expect(editorArea(conflict, 'Your version')).toContainText('mine');
      await expect(editorArea(conflict, 'Server version')).toContainText('line 2 (theirs)');
      await page.screenshot({ path: 'test-results/screenshots/value-conflict.png' });
      expect(await admin.get('shared')).toBe('line one\nline 2 (theirs)\n');

      // Keep editing, then another change meanwhile: conflict again; this time overwrite.
      await conflict.getByRole('button', { name: 'Keep editing' }).click();
      await expect(editorArea(region)).toContainText('mine');
      await admin.set('shared', 'third version');
      await region.getByRole('button', { name: 'Save', exact: true }).click();
      await expect(editorArea(conflict, 'Server version')).toContainText('third version');
      await conflict.getByRole('button', { name: 'Overwrite with mine' }).click();
      await expect(region.getByText(/^Saved/)).toBeVisible();
      expect(await admin.get('shared')).toBe('line one\nline two\nmine\n');

      // Take the server's: the edit is dropped, the editor shows what the server holds.
      await editorArea(region).click();
      await page.keyboard.insertText('x');
      await admin.set('shared', 'fourth');
      await page.keyboard.press('ControlOrMeta+s');
      await conflict.getByRole('button', { name: "Take the server's" }).click();
      await expect(editorArea(region)).toHaveText('fourth');
      expect(await admin.get('shared')).toBe('fourth');
    } finally {
      admin.disconnect();
    }
  });
});

test('a failed save keeps the edit, says why and offers a retry', async ({ page }) => {
  await withRedis(async (redis) => {
    const admin = await redis.node.client();
    try {
      await admin.set('note', 'draft 1');
      await page.goto(host.url);
      await saveProfileAndConnect(page, 'Failures', redis.port);
      const region = keyRegion(page);
      await openKey(page, 'note');
      await replaceText(page, editorArea(region), 'my precious edit');

      // The key is replaced by a list meanwhile: WRONGTYPE, explained; the edit stays.
      await admin.multi().del('note').rpush('note', 'a').exec();
      await region.getByRole('button', { name: 'Save', exact: true }).click();
      const failure = region.getByRole('alert').filter({ hasText: 'Not saved' });
      await expect(failure).toContainText('Key type changed');
      await expect(editorArea(region)).toHaveText('my precious edit');

      // The key is gone: "Save it as new" writes the edit as a new string.
      await admin.del('note');
      await failure.getByRole('button', { name: 'Dismiss' }).click();
      await region.getByRole('button', { name: 'Save', exact: true }).click();
      await expect(failure).toContainText('no longer exists');
      await expect(editorArea(region)).toHaveText('my precious edit');
      await failure.getByRole('button', { name: 'Save it as new' }).click();
      await expect(region.getByText(/^Saved/)).toBeVisible();
      expect(await admin.get('note')).toBe('my precious edit');

      // The server is out of memory: nothing written, the reason shown, Retry works once it is not.
      await editorArea(region).click();
      await page.keyboard.press('ControlOrMeta+End');
      await page.keyboard.insertText(' and more');
      await admin.config('SET', 'maxmemory', '1');
      await region.getByRole('button', { name: 'Save', exact: true }).click();
      await expect(failure).toContainText('out of memory');
      await page.screenshot({ path: 'test-results/screenshots/value-save-failed.png' });
      await expect(editorArea(region)).toHaveText('my precious edit and more');
      await admin.config('SET', 'maxmemory', '0');
      await failure.getByRole('button', { name: 'Retry' }).click();
      await expect(region.getByText(/^Saved/)).toBeVisible();
      expect(await admin.get('note')).toBe('my precious edit and more');
    } finally {
      admin.disconnect();
    }
  });
});

test('a big value loads partially, read-only, until it is loaded whole', async ({ page }) => {
  await withRedis(async (redis) => {
    const admin = await redis.node.client();
    try {
      await admin.set('big', 'x'.repeat(3 * 1024 * 1024));
      await page.goto(host.url);
      await saveProfileAndConnect(page, 'Big', redis.port);
      const region = keyRegion(page);
      await openKey(page, 'big');
      await expect(region.getByText('Partial (1 MB of 3 MB)')).toBeVisible();
      await expect(editorArea(region)).toHaveAttribute('aria-readonly', 'true');
      await expect(region.getByRole('button', { name: 'Save', exact: true })).toHaveCount(0);
      await page.screenshot({ path: 'test-results/screenshots/value-partial.png' });
      await region.getByRole('button', { name: 'Load whole value (3 MB)' }).click();
      await expect(region.getByText(/^Partial/)).toHaveCount(0);
      await expect(editorArea(region)).not.toHaveAttribute('aria-readonly', 'true');
      await editorArea(region).click();
      await page.keyboard.press('ControlOrMeta+Home');
      await page.keyboard.insertText('y');
      await page.keyboard.press('ControlOrMeta+s');
      await expect(region.getByText(/^Saved 3 MB/)).toBeVisible();
      const saved = await admin.get('big');
      expect(saved?.length).toBe(3 * 1024 * 1024 + 1);
      expect(saved?.startsWith('yx')).toBe(true);
    } finally {
      admin.disconnect();
    }
  });
});

test('the editor says so when the key expires or is replaced while open', async ({ page }) => {
  await withRedis(async (redis) => {
    const admin = await redis.node.client();
    try {
      await admin.multi().set('short', 'soon gone').set('shape', 'a string').exec();
      await page.goto(host.url);
      await saveProfileAndConnect(page, 'Changes', redis.port);
      const region = keyRegion(page);

      // The TTL counts down on screen; at zero the editor checks and says the key is gone.
      await openKey(page, 'short');
      await expect(region.getByTestId('value-ttl')).toHaveText('no expiry');
      await admin.pexpire('short', 10_000);
      await region.getByRole('button', { name: 'Reload' }).click();
      await expect(region.getByTestId('value-ttl')).toHaveText(/^\d+ s$/);
      await expect(region.getByRole('alert')).toContainText('This key no longer exists: it was deleted or expired.', {
        timeout: 20_000,
      });
      await page.screenshot({ path: 'test-results/screenshots/value-gone.png' });

      // Replaced by another type elsewhere: noticed while open (no save needed), then reloaded as such.
      await openKey(page, 'shape');
      await editorArea(region).click();
      await page.keyboard.press('ControlOrMeta+f');
      // Ctrl+F opens CodeMirror's search inside the value.
      await region.getByRole('textbox', { name: 'Find' }).fill('string');
      await region.getByRole('textbox', { name: 'Find' }).press('Enter');
      await page.screenshot({ path: 'test-results/screenshots/value-search.png' });
      await admin.multi().del('shape').hset('shape', 'now', 'a hash').exec();
      await expect(region.getByRole('alert')).toContainText('This key is now a hash: it was replaced while open.');
      await region.getByRole('button', { name: 'Reload as hash' }).click();
      await expect(region.getByRole('grid', { name: 'Hash fields' })).toContainText('a hash');
    } finally {
      admin.disconnect();
    }
  });
});

test('while the server is down saving waits with the reason, keeps the edit, and goes through later', async ({
  page,
}) => {
  await withRedis(async (redis) => {
    const admin = await redis.node.client();
    await admin.set('note', 'v1');
    admin.disconnect();
    await page.goto(host.url);
    await saveProfileAndConnect(page, 'Outage', redis.port);
    const region = keyRegion(page);
    await openKey(page, 'note');
    await replaceText(page, editorArea(region), 'written while the server was down');

    // The session notices the outage: Save waits (it is not attempted) and says why; the edit
    // stays. (A save already in flight when the link drops is covered in core's
    // valueWriteFailures.int.test.ts: it fails with CONNECTION_LOST, never re-sent.)
    await redis.node.stop();
    const save = region.getByRole('button', { name: 'Save', exact: true });
    await expect(save).toBeDisabled({ timeout: 30_000 });
    await expect(region.getByText(/^Writes are paused: the connection is lost.*Your edit is kept/)).toBeVisible();
    await expect(editorArea(region)).toHaveText('written while the server was down');
    await page.screenshot({ path: 'test-results/screenshots/value-offline.png' });

    // The server comes back empty (no persistence): the key is gone, the edit is not.
    await redis.node.restart();
    // Once the session is back, the editor notices (it re-reads the key) and keeps the edit.
    await expect(region.getByRole('alert').filter({ hasText: 'This key no longer exists' })).toBeVisible({
      timeout: 30_000,
    });
    await expect(editorArea(region)).toHaveText('written while the server was down');
    await save.click();
    const failure = region.getByRole('alert').filter({ hasText: 'Not saved' });
    await expect(failure).toContainText('no longer exists');
    await failure.getByRole('button', { name: 'Save it as new' }).click();
    await expect(region.getByText(/^Saved/)).toBeVisible();
    const check = await redis.node.client();
    try {
      expect(await check.get('note')).toBe('written while the server was down');
    } finally {
      check.disconnect();
    }
  });
});
