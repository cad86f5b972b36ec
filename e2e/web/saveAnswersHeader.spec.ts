import { expect, test, type Page } from '@playwright/test';
import { saveProfileAndConnect } from '../support/profileFlow';
import { withRedis } from '../support/withRedis';
import { editorArea, keyRegion, openKey, replaceText } from '../support/valueEditorFlow';
import { startWebHostProcess, type RunningWebHost } from '../support/webHostProcess';

// After a save the header (size, TTL, encoding) comes from the save's own answer, read by core in
// the same atomic step as the write — not from a second read. To prove it, header reads are held
// back once the key is open: only the saves' answers can move the header.
let host: RunningWebHost;

test.beforeAll(async () => {
  host = await startWebHostProcess();
});
test.afterAll(async () => {
  await host?.stop();
});

/** Forwards the page's calls, dropping values.header while `held()` says so. */
async function holdHeaderReads(page: Page, held: () => boolean): Promise<void> {
  await page.routeWebSocket(/.*/, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((message) => {
      const call = JSON.parse(String(message)) as { method?: string };
      if (call.method === 'values.header' && held()) return;
      server.send(message);
    });
  });
}

test('saves update the size and encoding shown with no header read', async ({ page }) => {
  await withRedis(async (redis) => {
    const admin = await redis.node.client();
    try {
      await admin.set('counter', '12345');
      await admin.hset('small', 'f', 'short');
      let held = false;
      await holdHeaderReads(page, () => held);
      await page.goto(host.url);
      await saveProfileAndConnect(page, 'Header', redis.port);
      const region = keyRegion(page);

      await openKey(page, 'counter');
      await expect(region.getByTestId('value-encoding')).toHaveText('int');
      held = true;
      const text = 'a string longer than forty-four bytes, so Redis keeps it raw';
      await replaceText(page, editorArea(region), text);
      await page.keyboard.press('ControlOrMeta+s');
      await expect(region.getByText(/^Saved/)).toBeVisible();
      await expect(region.getByTestId('value-encoding')).toHaveText('raw');
      await expect(region.getByTestId('value-size')).toContainText(String(text.length));
      expect(await admin.object('ENCODING', 'counter')).toBe('raw');

      held = false;
      await openKey(page, 'small');
      await expect(region.getByTestId('value-encoding')).toHaveText('listpack');
      await expect(region.getByTestId('value-size')).toHaveText('1 field');
      held = true;
      await region.getByRole('button', { name: 'Add field…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add field' });
      await dialog.getByLabel('Field', { exact: true }).fill('g');
      await dialog.getByLabel('Value', { exact: true }).fill('v');
      await dialog.getByRole('button', { name: 'Add' }).click();
      await expect(region.getByTestId('value-size')).toHaveText('2 fields');

      await region
        .getByRole('grid', { name: 'Hash fields' })
        .getByRole('row')
        .filter({ has: page.getByRole('gridcell', { name: 'f', exact: true }) })
        .getByRole('gridcell')
        .nth(1)
        .dblclick();
      const panel = region.getByRole('region', { name: 'Field f' });
      await replaceText(page, editorArea(panel, 'Value of field f'), 'y'.repeat(200));
      await page.keyboard.press('ControlOrMeta+s');
      await expect(panel.getByText(/^Saved/)).toBeVisible();
      await expect(region.getByTestId('value-encoding')).toHaveText('hashtable');
      expect(await admin.object('ENCODING', 'small')).toBe('hashtable');
      await page.screenshot({ path: 'test-results/screenshots/header-after-save.png' });
    } finally {
      admin.disconnect();
    }
  });
});
