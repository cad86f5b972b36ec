import { expect, test, type Page } from '@playwright/test';
import { startSentinelTopology, startStandalone } from '../../electron/core/localRedis/testSupport';
import { hostAndRedisPerFile } from '../support/hostAndRedis';
import { saveProfileAndConnect } from '../support/profileFlow';
import { keyRegion, openKey } from '../support/valueEditorFlow';

// No dead ends (issue #12, items 5, 6, 9, 10, 15): Retry lands on the session, each session keeps
// its own sub-view, a double click opens one session, an early Enter in a cell is not lost, and
// bulk-created names are trimmed unless quoted, with their edge spaces visible.
const env = hostAndRedisPerFile((p) => {
  p.hset('user:1', 'name', 'Ada', 'lang', 'en');
});

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: false });
const sessionTab = (page: Page, name: string) =>
  page.getByRole('tablist', { name: 'Open sessions' }).getByRole('tab', { name: new RegExp(name) });

async function saveProfile(page: Page, name: string, port: number) {
  await page.getByRole('button', { name: 'New connection' }).first().click();
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Port', { exact: true }).fill(String(port));
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('button', { name: `Connect to ${name}` })).toBeVisible();
}

// One worker, in order: they share the web host and the server.
test.describe.configure({ mode: 'default' });

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
});

test('Retry on a failed session lands on the working session, selected', async ({ page }) => {
  const server = await startStandalone();
  try {
    await server.node.kill();
    await page.goto(env.host.url);
    await saveProfile(page, 'Late cache', server.port);
    await page.getByRole('button', { name: 'Connect to Late cache' }).click();
    await sessionTab(page, 'Late cache').click();
    const alert = page.getByRole('alert').filter({ hasText: 'Connection refused' });
    await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
    // A failed session offers what to do, and no key browser answering "No open session <id>".
    await expect(page.getByText('Nothing to browse until the session connects')).toBeVisible();
    await expect(page.getByText(/No open session/)).toHaveCount(0);
    await expect(page.getByLabel('Database', { exact: true })).toHaveCount(0);
    await shot(page, 'session-failed-retry');

    await server.node.restart();
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect(page.getByTestId('session-address')).toHaveText(`127.0.0.1:${server.port}`);
    await expect(page.getByText('This session is closed.')).toHaveCount(0);
    await expect(sessionTab(page, 'Late cache')).toHaveAttribute('aria-selected', 'true');
    await expect(sessionTab(page, 'Late cache')).toHaveCount(1);
    await expect(page.getByLabel('Database', { exact: true })).toBeVisible();
    await shot(page, 'session-after-retry');
  } finally {
    await server.stop();
  }
});

test('double-clicking a saved connection opens one session', async ({ page }) => {
  await page.goto(env.host.url);
  await saveProfile(page, 'Twice', env.redis.port);
  await page
    .getByRole('navigation', { name: 'Redlens' })
    .getByRole('button', { name: /^Twice/ })
    .dblclick();
  await expect(page.getByTestId('session-address')).toBeVisible();
  // Several round trips later both opens would have answered: still one tab.
  await openKey(page, 'user:1');
  // (Tabs of the earlier tests' sessions may show here too: the host reports every session's changes.)
  await expect(sessionTab(page, 'Twice')).toHaveCount(1);
  expect(await sessionTab(page, 'Twice').count()).toBe(1);
});

test('Enter in a cell before its value has loaded saves once it has, and says so', async ({ page }) => {
  await page.goto(env.host.url);
  await saveProfileAndConnect(page, 'Early enter', env.redis.port);
  await openKey(page, 'user:1');
  const region = keyRegion(page);
  const cell = region
    .getByRole('grid', { name: 'Hash fields' })
    .getByRole('row')
    .filter({ has: page.getByRole('gridcell', { name: 'name', exact: true }) })
    .getByRole('gridcell')
    .nth(2);
  // The table has its rows before the server stops answering (SIGSTOP): then the field's own
  // read waits, as on a slow link.
  await expect(cell).toHaveText('Ada');
  await env.redis.node.pause();
  try {
    await cell.dblclick();
    await region.getByLabel('Edit value').fill('Ada Lovelace');
    await region.getByLabel('Edit value').press('Enter');
    await expect(
      region.getByRole('status').filter({ hasText: 'Saving once the field’s current value has loaded' }),
    ).toBeVisible();
    await shot(page, 'inline-edit-waiting');
  } finally {
    await env.redis.node.resume();
  }
  await expect(region.getByLabel('Edit value')).toHaveCount(0);
  const admin = await env.redis.node.client();
  try {
    await expect.poll(() => admin.hget('user:1', 'name')).toBe('Ada Lovelace');
  } finally {
    admin.disconnect();
  }
});

test('bulk names are trimmed unless quoted, and edge spaces show', async ({ page }) => {
  await page.goto(env.host.url);
  await saveProfileAndConnect(page, 'Bulk names', env.redis.port);
  await page.getByRole('button', { name: '+ New key' }).click();
  const dialog = page.getByRole('dialog', { name: 'New key' });
  await dialog.getByRole('radio', { name: 'Several strings' }).click();
  await dialog
    .getByLabel('Keys and values (key=value lines, or a JSON object)')
    .fill('  cmp:d =1\n" cmp:e"=2\ncmp:f=3');
  await expect(dialog.getByText('3 keys to write.')).toBeVisible();
  await shot(page, 'bulk-quoted-names');
  await dialog.getByRole('button', { name: 'Write keys' }).click();
  await expect(dialog).toHaveCount(0);
  const admin = await env.redis.node.client();
  try {
    expect(await admin.mget('cmp:d', ' cmp:e', 'cmp:f')).toEqual(['1', '2', '3']);
    expect(await admin.exists('  cmp:d ')).toBe(0);
  } finally {
    admin.disconnect();
  }
  await page.getByRole('button', { name: 'Rescan' }).click();
  const tree = page.getByRole('tree', { name: 'Keys' });
  await expect(tree.getByRole('treeitem', { name: 'cmp', exact: true })).toBeVisible();
  // The quoted name keeps its space and shows it: a folder that does not look like "cmp".
  await tree.getByRole('treeitem', { name: '\\x20cmp', exact: true }).click();
  await expect(tree.getByRole('treeitem', { name: 'e', exact: true })).toBeVisible();
  await tree.getByRole('treeitem', { name: 'e', exact: true }).click();
  await expect(keyRegion(page).getByRole('heading', { name: '\\x20cmp:e', exact: true })).toBeVisible();
  await shot(page, 'key-name-edge-space');
});

test('each session keeps its own sub-view; a standalone one has no Topology', async ({ page }) => {
  test.setTimeout(120_000);
  const topo = await startSentinelTopology();
  try {
    await page.goto(env.host.url);
    await saveProfileAndConnect(page, 'Plain', env.redis.port);
    await expect(page.getByTestId('session-address')).toBeVisible();
    await page.getByRole('button', { name: 'New connection' }).first().click();
    const url = `redis-sentinel://${topo.sentinels.map((s) => s.address).join(',')}#${topo.masterName}`;
    await page.getByLabel('Paste a connection URL').fill(url);
    await page.getByRole('button', { name: 'Fill the form' }).click();
    await page.getByLabel('Name', { exact: true }).fill('HA');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('button', { name: 'Connect to HA' }).click();
    const views = page.getByRole('tablist', { name: 'Session views' });
    await views.getByRole('tab', { name: 'Topology' }).click();
    await expect(views.getByRole('tab', { name: 'Topology' })).toHaveAttribute('aria-selected', 'true');

    await sessionTab(page, 'Plain').click();
    await expect(page.getByRole('heading', { name: 'Plain', exact: true })).toBeVisible();
    await expect(views.getByRole('tab', { name: 'Keys' })).toHaveAttribute('aria-selected', 'true');
    await expect(views.getByRole('tab', { name: 'Topology' })).toHaveCount(0);
    await expect(page.getByText(/Asking the sentinels/)).toHaveCount(0);
    await views.getByRole('tab', { name: 'Server info' }).click();
    await shot(page, 'standalone-own-subview');

    await sessionTab(page, 'HA').click();
    await expect(views.getByRole('tab', { name: 'Topology' })).toHaveAttribute('aria-selected', 'true');
    await sessionTab(page, 'Plain').click();
    await expect(views.getByRole('tab', { name: 'Server info' })).toHaveAttribute('aria-selected', 'true');
  } finally {
    await topo.stop();
  }
});
