import { expect, test } from '@playwright/test';
import { startWebHostProcess, type RunningWebHost } from '../support/webHostProcess';

// Issue #12 item 9: typing a name while a pasted URL was still being applied ran the two together
// ("mymasterHA"). Core's answer to profiles.parseUrl is held back here (the WebSocket is routed
// through the test) so "while" is certain: the fields are locked until the fill lands.
let host: RunningWebHost;
test.beforeAll(async () => {
  host = await startWebHostProcess();
});
test.afterAll(async () => {
  await host?.stop();
});

test('the form waits for a pasted URL to be applied; a name typed after it stays', async ({ page }) => {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.routeWebSocket(/.*/, (ws) => {
    const server = ws.connectToServer();
    const parseIds = new Set<number>();
    ws.onMessage((message) => {
      const call = JSON.parse(String(message)) as { method?: string; id?: number };
      if (call.method === 'profiles.parseUrl' && call.id !== undefined) parseIds.add(call.id);
      server.send(message);
    });
    server.onMessage(async (message) => {
      const reply = JSON.parse(String(message)) as { type?: string; id?: number };
      if (reply.type === 'result' && reply.id !== undefined && parseIds.has(reply.id)) await held;
      ws.send(message);
    });
  });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(host.url);
  await page.getByRole('button', { name: 'New connection' }).first().click();
  await page.getByLabel('Paste a connection URL').fill('redis-sentinel://127.0.0.1:26379,127.0.0.1:26380#mymaster');
  await page.getByRole('button', { name: 'Fill the form' }).click();

  const name = page.getByLabel('Name', { exact: true });
  await expect(name).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Save' })).toBeDisabled();
  await page.screenshot({ path: 'test-results/screenshots/paste-url-applying.png' });

  release();
  await expect(name).toBeEnabled();
  await expect(name).toHaveValue('mymaster');
  await name.fill('HA');
  await expect(name).toHaveValue('HA');
  await expect(page.getByRole('radio', { name: 'Sentinel' })).toHaveAttribute('aria-checked', 'true');
});
