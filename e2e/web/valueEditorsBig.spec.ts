import { expect, test } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { holdFirstCall } from '../support/holdCall';
import { saveProfileAndConnect } from '../support/profileFlow';
import { withRedis } from '../support/withRedis';
import { editorArea, keyRegion, openKey } from '../support/valueEditorFlow';
import { startWebHostProcess, type RunningWebHost } from '../support/webHostProcess';

// Big strings (> 4 MB) loaded whole and saved through the UI, in chunks; every write is read
// back byte for byte with a separate ioredis client. Each test has its own redis-server.
let host: RunningWebHost;

test.beforeAll(async () => {
  host = await startWebHostProcess();
});
test.afterAll(async () => {
  await host?.stop();
});

/** ~`bytes` of text lines with multi-byte characters (so chunk ends fall inside characters). */
function textLines(bytes: number): Buffer {
  const lines: string[] = [];
  let size = 0;
  for (let n = 0; size < bytes; n++) {
    const line = `line ${n} — ünïcödé ✓ 😀\n`;
    lines.push(line);
    size += Buffer.byteLength(line);
  }
  return Buffer.from(lines.join(''));
}

test('a big text value changed while it loads is loaded again, then edited and saved byte for byte', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await withRedis(async (redis) => {
    const admin = await redis.node.client();
    try {
      const original = textLines(24 * 1024 * 1024);
      await admin.set('big:text', original, 'EX', 36_000);
      await page.setViewportSize({ width: 1400, height: 900 });
      // The check after the whole load's last chunk waits for the change below: on a busy machine
      // the whole load could otherwise end before the change lands, and nothing changed "while it loaded".
      const digest = await holdFirstCall(page, 'values.string.digest');
      await page.goto(host.url);
      await saveProfileAndConnect(page, 'Big', redis.port);
      const region = keyRegion(page);
      await openKey(page, 'big:text');
      await expect(region.getByText(/^Partial \(1 MB of 24 MB\)/)).toBeVisible();

      // Cancel stops the load; the partial value stays, and loading can start again.
      await region.getByRole('button', { name: 'Load whole value (24 MB)' }).click();
      await region.getByRole('button', { name: 'Cancel' }).click();
      await expect(region.getByText('Loading the whole value was cancelled.')).toBeVisible();
      await expect(editorArea(region)).toHaveAttribute('aria-readonly', 'true');

      await region.getByRole('button', { name: 'Load whole value (24 MB)' }).click();
      const progress = region.getByText(/^Loading \d+(\.\d)? MB of 24 MB…/);
      await expect(progress).toBeVisible();
      await expect(region.getByRole('progressbar', { name: 'Loading the whole value' })).toBeVisible();
      await page.screenshot({ path: 'test-results/screenshots/value-big-loading.png' });
      // Someone changes bytes the load already has: what was put together is not the value any more.
      await expect(progress).not.toHaveText(/^Loading 0 B/);
      await admin.setrange('big:text', 0, 'LINE');
      await digest.release();
      // Told once the whole value has been read and does not hash to the server's digest: as long
      // as a whole load takes (the same bound as the reload below).
      await expect(region.getByText(/changed on the server while it loaded: loading it again/)).toBeVisible({
        timeout: 60_000,
      });
      await expect(region.getByText(/^Partial/)).toHaveCount(0, { timeout: 60_000 });

      const editor = editorArea(region);
      await expect(editor).not.toHaveAttribute('aria-readonly', 'true');
      await expect(editor).toContainText('LINE 0 — ünïcödé ✓ 😀');
      await editor.click();
      await page.keyboard.press('ControlOrMeta+Home');
      await page.keyboard.insertText('edited ✓ ');
      await page.keyboard.press('ControlOrMeta+s');
      await expect(region.getByText(/^Saved 24 MB/)).toBeVisible({ timeout: 60_000 });

      const expected = Buffer.concat([Buffer.from('edited ✓ LINE'), original.subarray(4)]);
      expect((await admin.getBuffer('big:text'))!.equals(expected)).toBe(true);
      // The TTL was kept (KEEPTTL), not reset or dropped: at most the test's own 120 s have passed.
      expect(await admin.ttl('big:text')).toBeGreaterThan(36_000 - 120);
      // Nothing staged is left behind.
      expect(await admin.keys('redlens:upload:*')).toEqual([]);
    } finally {
      admin.disconnect();
    }
  });
});

test('a big binary value opens in the hex grid; a row overwritten there is saved byte for byte', async ({ page }) => {
  test.setTimeout(120_000);
  await withRedis(async (redis) => {
    const admin = await redis.node.client();
    try {
      const original = randomBytes(6 * 1024 * 1024);
      await admin.set('big:bin', original);
      await page.setViewportSize({ width: 1400, height: 900 });
      await page.goto(host.url);
      await saveProfileAndConnect(page, 'Binary', redis.port);
      const region = keyRegion(page);
      await openKey(page, 'big:bin');
      // The first 1 MB already shows in the hex grid, read-only.
      const grid = region.getByRole('grid', { name: 'Value' });
      await expect(grid).toHaveAttribute('aria-readonly', 'true');
      await expect(grid.getByRole('row').nth(1)).toContainText(
        original
          .subarray(0, 16)
          .toString('hex')
          .replace(/(..)(?!$)/g, '$1 '),
      );
      await page.screenshot({ path: 'test-results/screenshots/value-big-hex-partial.png' });
      await region.getByRole('button', { name: 'Load whole value (6 MB)' }).click();

      await expect(grid).not.toHaveAttribute('aria-readonly', 'true', { timeout: 60_000 });
      await expect(region.getByRole('tab', { name: 'Hex' })).toHaveAttribute('aria-selected', 'true');
      await expect(region.getByRole('tab', { name: 'Text' })).toBeDisabled();
      await region.getByLabel('Go to offset').fill('0x5f0010');
      await region.getByLabel('Go to offset').press('Enter');
      const row = grid.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '005f0010' }) });
      await expect(row).toBeVisible();
      await page.screenshot({ path: 'test-results/screenshots/value-big-hex.png' });

      await grid.press('Enter');
      const input = region.getByLabel('Bytes at offset 005f0010');
      // Overwriting keeps the row's length: a short row is refused, and says why.
      await input.fill('de ad');
      await input.press('Enter');
      await expect(region.getByRole('alert')).toContainText('Type exactly 16 bytes');
      const bytes = 'de ad be ef 00 ff 10 20 30 40 50 60 70 80 90 a0';
      await input.fill(bytes);
      await input.press('Enter');
      await expect(row).toContainText(bytes);
      await expect(region.getByText('Modified')).toBeVisible();
      await region.getByRole('button', { name: 'Save', exact: true }).click();
      await expect(region.getByText(/^Saved 6 MB/)).toBeVisible({ timeout: 60_000 });

      const expected = Buffer.from(original);
      Buffer.from(bytes.replaceAll(' ', ''), 'hex').copy(expected, 0x5f0010);
      expect((await admin.getBuffer('big:bin'))!.equals(expected)).toBe(true);
    } finally {
      admin.disconnect();
    }
  });
});
