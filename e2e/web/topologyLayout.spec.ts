import { expect, test, type Locator, type Page } from '@playwright/test';
import { startSentinelTopology, type SentinelTopology } from '../../electron/core/localRedis/testSupport';
import { startWebHostProcess, type RunningWebHost } from '../support/webHostProcess';

// The topology at 1280x800 with a real deployment (1 master, 2 replicas, 3 sentinels): every
// node's address is readable whole, and after two failovers the banners take one line each.
let topo: SentinelTopology;
let host: RunningWebHost;

test.beforeAll(async () => {
  [topo, host] = await Promise.all([
    startSentinelTopology({ downAfterMs: 3000, failoverTimeoutMs: 5000 }),
    startWebHostProcess(),
  ]);
});
test.afterAll(async () => {
  await Promise.all([topo?.stop(), host?.stop()]);
});

const FAILOVER_MS = 60_000;
/** How tall the banners of two incidents may be, all together (two lines and a footer). */
const BANNERS_MAX_PX = 110;
/** One line of a banner (its padding included). */
const LINE_MAX_PX = 40;

/** The visible box of an element: its box clipped by every scrolling ancestor. */
async function fullyShown(el: Locator): Promise<{ whole: boolean; why: string }> {
  return el.evaluate((node) => {
    const view = node.ownerDocument.defaultView!;
    const box = node.getBoundingClientRect();
    const text = node.textContent ?? '';
    for (let up = node.parentElement; up; up = up.parentElement) {
      const style = view.getComputedStyle(up);
      if (!/(auto|scroll|hidden|clip)/.test(style.overflowX + style.overflowY)) continue;
      const clip = up.getBoundingClientRect();
      const inside =
        box.left >= clip.left - 0.5 &&
        box.right <= clip.left + up.clientWidth + 0.5 &&
        box.top >= clip.top - 0.5 &&
        box.bottom <= clip.top + up.clientHeight + 0.5;
      if (!inside) return { whole: false, why: `“${text}” ${JSON.stringify(box)} is clipped by ${up.className}` };
    }
    const inViewport = box.left >= 0 && box.right <= view.innerWidth && box.top >= 0 && box.bottom <= view.innerHeight;
    return { whole: inViewport, why: inViewport ? '' : `“${text}” is outside the window` };
  });
}

/** The address text of a node card, and whether it (and the status) lies inside its card. */
async function addressInCard(page: Page, address: string) {
  const card = page.locator(`[data-node="sentinel:${address}"]`);
  const text = card.locator('.topo-node-address');
  const shown = (await text.allTextContents()).join('');
  const inCard = await card.evaluate((g) => {
    const box = g.querySelector('.topo-node-box')!.getBoundingClientRect();
    return [...g.querySelectorAll('.topo-node-address, .topo-node-status')].every((t) => {
      const r = t.getBoundingClientRect();
      return r.left >= box.left && r.right <= box.right - 24 && r.top >= box.top && r.bottom <= box.bottom;
    });
  });
  return { shown, inCard, text };
}

test('at 1280x800 every sentinel address is whole; after two failovers one banner line per incident', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(host.url);
  await page.getByRole('button', { name: 'New connection' }).first().click();
  const url = `redis-sentinel://${topo.sentinels.map((s) => s.address).join(',')}#${topo.masterName}`;
  await page.getByLabel('Paste a connection URL').fill(url);
  await page.getByRole('button', { name: 'Fill the form' }).click();
  await page.getByLabel('Name', { exact: true }).fill('HA layout');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('button', { name: 'Connect to HA layout' }).click();
  await expect(page.getByTestId('session-address')).toHaveText(topo.master.address);
  await page.getByRole('tab', { name: 'Topology' }).click();

  // Every sentinel's address: the whole text, inside its card, inside what the diagram shows.
  for (const s of topo.sentinels) {
    await expect(page.getByRole('button', { name: new RegExp(`^${s.address} — sentinel — up`) })).toBeVisible();
    const { shown, inCard, text } = await addressInCard(page, s.address);
    expect(shown).toBe(s.address);
    expect(inCard, `${s.address} fits its card`).toBe(true);
    for (const part of await text.all()) {
      const { whole, why } = await fullyShown(part);
      expect(whole, why).toBe(true);
    }
  }
  // The data nodes' too.
  for (const n of topo.dataNodes) {
    const text = page.locator(`[data-node="data:${n.address}"] .topo-node-address`);
    await expect(text).toHaveText(n.address);
    const { whole, why } = await fullyShown(text);
    expect(whole, why).toBe(true);
  }
  await page.screenshot({ path: 'test-results/screenshots/topology-1280.png' });

  // Two failovers; the session follows. The banners: one line per incident, a few lines in all.
  const alerts = page.getByRole('region', { name: 'Sentinel alerts' });
  const first = await topo.failover({ timeoutMs: FAILOVER_MS });
  await expect(page.getByTestId('session-address')).toHaveText(`${first.to.host}:${first.to.port}`, {
    timeout: FAILOVER_MS,
  });
  const second = await topo.failover({ timeoutMs: FAILOVER_MS });
  const secondTo = `${second.to.host}:${second.to.port}`;
  await expect(page.getByTestId('session-address')).toHaveText(secondTo, { timeout: FAILOVER_MS });
  const lines = alerts.getByRole('alert');
  await expect(lines.filter({ hasText: `New master: ${secondTo}` })).toBeVisible({ timeout: FAILOVER_MS });
  await expect(lines.filter({ hasText: /New master: / })).toHaveCount(2);
  await expect(lines).toHaveCount(2);
  await page.screenshot({ path: 'test-results/screenshots/topology-banners-1280.png' });
  for (const line of await lines.all()) {
    expect((await line.boundingBox())!.height).toBeLessThanOrEqual(LINE_MAX_PX);
  }
  expect((await alerts.boundingBox())!.height).toBeLessThanOrEqual(BANNERS_MAX_PX);

  // The second failover's old master goes down: its banner joins that incident's line as "+n",
  // listed when the line is expanded (from the keyboard).
  const secondFrom = `${second.from.host}:${second.from.port}`;
  await topo.nodeAt(second.from.port)!.kill();
  const incident = lines.filter({ hasText: `New master: ${secondTo}` });
  const more = incident.getByRole('button', { name: /^Show \d+ more alerts? of this incident$/ });
  await expect(more).toBeVisible({ timeout: FAILOVER_MS });
  await expect(lines).toHaveCount(2);
  await more.focus();
  await page.keyboard.press('Enter');
  const details = incident.getByRole('list', { name: 'More alerts of this incident' });
  await expect(details).toContainText(`Replica ${secondFrom}`);
  await expect(details).toContainText('is down');
  await page.screenshot({ path: 'test-results/screenshots/topology-banner-expanded-1280.png' });
  await page.keyboard.press('Enter');
  await expect(details).toHaveCount(0);

  // A sentinel down: its card says so, its address and its (longer) status whole inside it.
  const down = topo.sentinels[2]!;
  await down.kill();
  await expect(page.getByRole('button', { name: new RegExp(`^${down.address} — sentinel — down`) })).toBeVisible({
    timeout: FAILOVER_MS,
  });
  const { shown, inCard } = await addressInCard(page, down.address);
  expect(shown).toBe(down.address);
  expect(inCard, `${down.address} and its status fit its card`).toBe(true);
  const diagram = page.getByRole('group', { name: `Topology of ${topo.masterName}` });
  await diagram.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/topology-sentinel-down-1280.png' });
});
