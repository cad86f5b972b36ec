import { expect, test, type Page } from '@playwright/test';
import { startSentinelTopology, type SentinelTopology } from '../../electron/core/localRedis/testSupport';
import { startWebHostProcess, type RunningWebHost } from '../support/webHostProcess';

// The topology of a Sentinel profile without a data session: opened from the profile's menu,
// or from a failed first connect (master down, no failover possible), and left again.
let host: RunningWebHost;

test.describe.configure({ mode: 'default' });
test.beforeAll(async () => {
  host = await startWebHostProcess();
});
test.afterAll(async () => {
  await host?.stop();
});

const FAILOVER_MS = 40_000;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A node of the diagram by the start of its accessible name. */
const node = (page: Page, words: string) => page.getByRole('button', { name: new RegExp(`^${escape(words)}`) });

/** Saves a Sentinel profile through the form, without connecting. */
async function saveSentinelProfile(page: Page, topo: SentinelTopology, name: string) {
  await page.getByRole('button', { name: 'New connection' }).first().click();
  const url = `redis-sentinel://${topo.sentinels.map((s) => s.address).join(',')}#${topo.masterName}`;
  await page.getByLabel('Paste a connection URL').fill(url);
  await page.getByRole('button', { name: 'Fill the form' }).click();
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('button', { name: `Connect to ${name}` })).toBeVisible();
}

/** Redlens's topology connections on a sentinel (`CLIENT LIST`, by connection name). */
async function topologyLinks(topo: SentinelTopology): Promise<number> {
  const client = await topo.sentinels[0]!.client();
  try {
    const list = String(await client.call('CLIENT', 'LIST'));
    return list.split('\n').filter((line) => / name=redlens:topology:/.test(line)).length;
  } finally {
    client.disconnect();
  }
}

test.describe('a healthy deployment', () => {
  let topo: SentinelTopology;
  test.beforeAll(async () => {
    topo = await startSentinelTopology({ downAfterMs: 1000 });
  });
  test.afterAll(async () => {
    await topo?.stop();
  });

  test('"View topology" in the profile menu shows the diagram without connecting, and leaving unwatches', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1440, height: 1000 });
    await page.goto(host.url);
    await saveSentinelProfile(page, topo, 'HA view');

    await page.getByRole('button', { name: 'Actions for HA view' }).click();
    await page.getByRole('menuitem', { name: 'View topology' }).click();
    await expect(page.getByRole('heading', { name: 'HA view — topology' })).toBeVisible();
    await expect(node(page, `${topo.master.address} — master — up`)).toBeVisible();
    for (const r of topo.replicas) await expect(node(page, `${r.address} — replica — link up`)).toBeVisible();
    for (const s of topo.sentinels) await expect(node(page, `${s.address} — sentinel — up`)).toBeVisible();
    await expect(page.getByTestId('topology-health')).toHaveText('Healthy');
    // No data session was opened: no session tab, and the screen says so.
    await expect(page.getByRole('tablist', { name: 'Open sessions' })).toHaveCount(0);
    await expect(page.getByText('Watching the sentinels only — no data connection.')).toBeVisible();
    await page.screenshot({ path: 'test-results/screenshots/topology-no-session.png', fullPage: true });
    await expect.poll(() => topologyLinks(topo)).toBeGreaterThan(0);

    // Leaving the screen stops the watch: its connections to the sentinels are closed.
    await page.getByRole('button', { name: 'Redlens home' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Connections' })).toBeVisible();
    await expect.poll(() => topologyLinks(topo), { timeout: 10_000 }).toBe(0);
  });
});

test.describe('a master down with no failover possible', () => {
  let topo: SentinelTopology;
  test.beforeAll(async () => {
    // A quorum above the number of sentinels: the master can be flagged down, never failed over.
    topo = await startSentinelTopology({ quorum: 4, downAfterMs: 1000 });
  });
  test.afterAll(async () => {
    await topo?.stop();
  });

  test('a failed first connect offers "View topology", which shows the master down', async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 1440, height: 1000 });
    await page.goto(host.url);
    await saveSentinelProfile(page, topo, 'HA down');
    const master = topo.master.address;
    await topo.master.kill();

    await page.getByRole('button', { name: 'Connect to HA down' }).click();
    const card = page
      .getByRole('list', { name: 'Saved connections' })
      .getByRole('listitem')
      .filter({ hasText: 'HA down' });
    await expect(card.getByRole('alert')).toBeVisible({ timeout: 30_000 });
    await page.screenshot({ path: 'test-results/screenshots/topology-open-failed.png', fullPage: true });
    await expect(card.getByRole('button', { name: 'View the topology of HA down' })).toBeVisible();
    // The failed session's tab offers it too, next to Retry.
    await page.getByRole('tab', { name: 'HA down' }).click();
    await page.getByRole('alert').getByRole('button', { name: 'View topology' }).click();

    await expect(page.getByRole('heading', { name: 'HA down — topology' })).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: 'the last connect failed' })).toBeVisible();
    await expect(node(page, `${master} — master — subjectively down`)).toBeVisible({ timeout: FAILOVER_MS });
    await expect(page.getByTestId('topology-health')).toHaveText('Master down');
    const alerts = page.getByRole('region', { name: 'Sentinel alerts' }).getByRole('alert');
    await expect(alerts.filter({ hasText: /no failover is possible/ })).toBeVisible({ timeout: FAILOVER_MS });
    for (const r of topo.replicas) await expect(node(page, `${r.address} — replica`)).toBeVisible();
    await page.screenshot({ path: 'test-results/screenshots/topology-no-session-master-down.png', fullPage: true });

    // The master comes back: the view shows it, and Connect opens the session from here.
    await topo.master.restart();
    await expect(node(page, `${master} — master — up`)).toBeVisible({ timeout: FAILOVER_MS });
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(page.getByTestId('session-address')).toHaveText(master);
  });
});
