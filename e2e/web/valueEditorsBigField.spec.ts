import { expect, test, type Page } from '@playwright/test';
import { saveProfileAndConnect } from '../support/profileFlow';
import { withRedis } from '../support/withRedis';
import { editorArea, keyRegion, openKey } from '../support/valueEditorFlow';
import { startWebHostProcess, type RunningWebHost } from '../support/webHostProcess';

// Big hash fields in the side editor, like big strings: a partial first window (cut by Redis),
// loaded whole in chunks with progress, saved in chunks; a field of 95 MB of NUL bytes (whose
// escaped JSON would pass V8's string limit) opens without taking the host down.
let host: RunningWebHost;

test.beforeAll(async () => {
  host = await startWebHostProcess();
});
test.afterAll(async () => {
  await host?.stop();
});

const MB = 1024 * 1024;

/** Opens a field of the opened hash in the side editor (double-click on its name). */
async function openField(page: Page, name: string) {
  const row = keyRegion(page)
    .getByRole('grid', { name: 'Hash fields' })
    .getByRole('row')
    .filter({ has: page.getByRole('gridcell', { name, exact: true }) });
  await row.getByRole('gridcell').nth(1).dblclick();
  return keyRegion(page).getByRole('region', { name: `Field ${name}` });
}

test('a 95 MB field of NUL bytes opens partial; the host keeps serving', async ({ page }) => {
  test.setTimeout(120_000);
  await withRedis(async (redis) => {
    const admin = await redis.node.client();
    try {
      await admin.hset('big:nul', 'nul', Buffer.alloc(95 * MB), 'small', 'still here');
      await page.goto(host.url);
      await saveProfileAndConnect(page, 'Big field', redis.port);
      await openKey(page, 'big:nul');

      const panel = await openField(page, 'nul');
      await expect(panel.getByText(/^Partial \(1 MB of 95 MB\)/)).toBeVisible({ timeout: 60_000 });
      await expect(panel.getByRole('button', { name: 'Load whole value (95 MB)' })).toBeVisible();
      await expect(editorArea(panel, 'Value of field nul')).toHaveAttribute('aria-readonly', 'true');

      // Loading it whole goes in chunks, with progress (one 95 MB message would have been 570 MB
      // of escaped JSON: more than V8 can build, and the host died of it).
      await panel.getByRole('button', { name: 'Load whole value (95 MB)' }).click();
      await expect(panel.getByText(/^Loading \d+(\.\d)? MB of 95 MB…/)).toBeVisible({ timeout: 60_000 });
      await panel.getByRole('button', { name: 'Cancel' }).click();
      await expect(panel.getByText('Loading the whole value was cancelled.')).toBeVisible();

      // The host is still there: another field opens, and the page still talks to it.
      await panel.getByRole('button', { name: 'Close field' }).click();
      const small = await openField(page, 'small');
      await expect(editorArea(small, 'Value of field small')).toContainText('still here');
    } finally {
      admin.disconnect();
    }
  });
});

test('a 3 MB field loads whole in chunks, then is edited and saved in chunks byte for byte', async ({ page }) => {
  test.setTimeout(120_000);
  await withRedis(async (redis) => {
    const admin = await redis.node.client();
    try {
      const line = 'line — ünïcödé ✓\n';
      const original = Buffer.from(line.repeat(Math.ceil((3 * MB) / Buffer.byteLength(line))));
      await admin.hset('big:doc', 'doc', original, 'other', 'x');
      await page.goto(host.url);
      await saveProfileAndConnect(page, 'Big doc', redis.port);
      await openKey(page, 'big:doc');

      const panel = await openField(page, 'doc');
      await expect(panel.getByText(/^Partial \(1 MB of 3 MB\)/)).toBeVisible();
      await panel.getByRole('button', { name: 'Load whole value (3 MB)' }).click();
      await expect(panel.getByText(/^Partial/)).toHaveCount(0, { timeout: 60_000 });

      const editor = editorArea(panel, 'Value of field doc');
      await expect(editor).not.toHaveAttribute('aria-readonly', 'true');
      await editor.click();
      await page.keyboard.press('ControlOrMeta+Home');
      await page.keyboard.insertText('edited ✓ ');
      await page.keyboard.press('ControlOrMeta+s');
      await expect(panel.getByText(/^Saved 3 MB/)).toBeVisible({ timeout: 60_000 });

      const expected = Buffer.concat([Buffer.from('edited ✓ '), original]);
      expect((await admin.hgetBuffer('big:doc', 'doc'))!.equals(expected)).toBe(true);
      expect(await admin.hget('big:doc', 'other')).toBe('x');
      // Nothing staged is left behind.
      expect(await admin.keys('redlens:upload:*')).toEqual([]);
    } finally {
      admin.disconnect();
    }
  });
});
