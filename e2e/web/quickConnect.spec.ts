import { expect, test, type Page } from '@playwright/test';
import { startStandalone, type StandaloneServer } from '../../electron/core/localRedis/testSupport';
import { startWebHostProcess, type RunningWebHost } from '../support/webHostProcess';

// The full stack as a user runs it: the built web host process, Debian Chromium, real Redis.
let host: RunningWebHost;
let open: StandaloneServer;
let locked: StandaloneServer;

test.beforeAll(async () => {
  [host, open, locked] = await Promise.all([
    startWebHostProcess(),
    startStandalone(),
    startStandalone({ password: 'hunter2' }),
  ]);
});
test.afterAll(async () => {
  await Promise.all([host?.stop(), open?.stop(), locked?.stop()]);
});

async function openQuickConnect(page: Page) {
  await page.getByRole('navigation', { name: 'Redlens' }).getByRole('button', { name: 'Quick connect' }).click();
  await expect(page.getByRole('heading', { name: 'Quick connect', level: 1 })).toBeVisible();
}

test('prints exactly one line, with the real port and a token', () => {
  expect(host.stdout).toEqual([`Redlens listening on ${host.url}`]);
  expect(host.port).toBeGreaterThan(0);
  expect(Buffer.from(host.token, 'base64url').length).toBeGreaterThanOrEqual(16);
});

test('shows the shell and quick-connects to a real Redis', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.getByRole('navigation', { name: 'Redlens' })).toContainText('Redlens');
  await expect(page.getByTestId('app-version')).toHaveText(/^v\d+\.\d+\.\d+/);
  await openQuickConnect(page);

  await page.getByLabel('Host').fill('127.0.0.1');
  await page.getByLabel('Port').fill(String(open.port));
  await page.getByLabel('Port').press('Enter');

  const result = page.getByRole('status', { name: `Connected to 127.0.0.1:${open.port}` });
  await expect(result).toBeVisible();
  await expect(page.getByTestId('server-version')).toHaveText(/^Redis 7\.\d+\.\d+$/);
  await expect(page.getByTestId('server-mode')).toHaveText('standalone');
  await expect(page.getByTestId('server-role')).toHaveText('master');
  // The server shows up among the recent servers in the sidebar.
  await expect(page.getByRole('list', { name: 'Recent servers' })).toContainText(`127.0.0.1:${open.port}`);
  await page.screenshot({ path: 'test-results/screenshots/quick-connect-ok.png' });
});

test('shows the precise error: wrong password, password required, refused', async ({ page }) => {
  await page.goto(host.url);
  await openQuickConnect(page);
  await page.getByLabel('Port').fill(String(locked.port));
  await page.getByLabel('Password (optional)').fill('wrong');
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Wrong username or password');
  await expect(page.getByRole('alert')).toContainText('AUTH_FAILED');
  await page.screenshot({ path: 'test-results/screenshots/quick-connect-wrong-password.png' });

  await page.getByLabel('Password (optional)').fill('');
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Password required');

  await page.getByLabel('Password (optional)').fill('hunter2');
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.getByTestId('server-role')).toHaveText('master');

  // Stop a server and connect to its (now closed) port.
  const gone = await startStandalone();
  await gone.stop();
  await page.getByLabel('Port').fill(String(gone.port));
  await page.getByLabel('Password (optional)').fill('');
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Connection refused');
  await expect(page.getByRole('alert')).toContainText(`127.0.0.1:${gone.port}`);
});

test('validates fields next to them', async ({ page }) => {
  await page.goto(host.url);
  await openQuickConnect(page);
  await page.getByLabel('Port').fill('99999');
  await page.getByLabel('Port').blur();
  await expect(page.getByText('Port must be a whole number from 1 to 65535.')).toBeVisible();
  await expect(page.getByLabel('Port')).toHaveAttribute('aria-invalid', 'true');
});

test('the token stays out of cookies and the address bar, and a reload still gets in', async ({ page, context }) => {
  await page.goto(host.url);
  await expect(page.getByTestId('app-version')).toHaveText(/^v\d/);
  expect(page.url()).toBe(`${host.origin}/`);
  expect(await context.cookies()).toEqual([]);
  await page.reload();
  await expect(page.getByTestId('app-version')).toHaveText(/^v\d/);
  expect(page.url()).toBe(`${host.origin}/`);
});

test('the page is public, the API needs the token', async ({ request, page }) => {
  const root = `${host.origin}/`;
  expect((await request.get(root)).status()).toBe(200);
  expect((await request.get(`${host.origin}/api`)).status()).toBe(401);
  expect((await request.get(`${host.origin}/api`, { headers: { authorization: 'Bearer nope' } })).status()).toBe(403);
  await page.goto(root);
  await expect(page.locator('body')).toContainText('needs its access token');
  // A page that got in without the token cannot open the API socket either.
  const wsOutcome = await page.evaluate(
    (port) =>
      new Promise<string>((resolve) => {
        const ws = new WebSocket(`ws://127.0.0.1:${port}/api`);
        ws.onopen = () => resolve('open');
        ws.onerror = () => resolve('refused');
      }),
    host.port,
  );
  expect(wsOutcome).toBe('refused');
  // Opening an address with a stale token in this tab: the page says the host refused it.
  await page.goto(`${root}#token=${'A'.repeat(43)}`);
  await expect(page.locator('body')).toContainText('refused this page’s access token');
  expect(page.url()).toBe(root);
});
