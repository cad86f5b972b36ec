import { expect, test, type Locator, type Page } from '@playwright/test';
import type Redis from 'ioredis';
import { saveProfileAndConnect } from '../support/profileFlow';
import { startWebHostProcess, type RunningWebHost } from '../support/webHostProcess';
import { withRedis } from '../support/withRedis';

// A flat list longer than a browser can lay out: 1.4M rows × 26 px = 36.4M px, past Chromium's
// 33,554,430 px cap on an element's height. Every row must still be reachable: with the keyboard,
// by dragging the scrollbar, and the wheel must move by rows, not by thousands of them.
const N = 1_400_000;
let host: RunningWebHost;

test.beforeAll(async () => {
  host = await startWebHostProcess();
});
test.afterAll(async () => {
  await host?.stop();
});

/** The first row wholly inside the tree's viewport: its index and name. */
async function firstVisible(tree: Locator): Promise<{ index: number; name: string }> {
  return tree.evaluate((el) => {
    const top = el.getBoundingClientRect().top;
    const rows = [...el.querySelectorAll('[role="treeitem"]')]
      .filter((r) => r.getBoundingClientRect().top >= top - 0.5)
      .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
    const row = rows[0];
    return { index: Number(row?.getAttribute('data-index')), name: row?.getAttribute('aria-label') ?? '' };
  });
}

const scrollInfo = (tree: Locator) =>
  tree.evaluate((el) => ({ top: el.scrollTop, max: el.scrollHeight - el.clientHeight, height: el.scrollHeight }));

async function seed(page: Page, port: number, admin: Redis) {
  for (let start = 0; start < N; start += 100_000) {
    const pipeline = admin.pipeline();
    for (let i = start; i < start + 100_000; i += 1000) {
      const args: string[] = [];
      for (let j = i; j < i + 1000; j++) args.push(`row-${j}`, '1');
      pipeline.mset(...args);
    }
    await pipeline.exec();
  }
  await page.goto(host.url);
  await saveProfileAndConnect(page, 'Huge', port);
}

test(`a flat list of ${N.toLocaleString('en')} keys can be scrolled to its last row`, async ({ page }) => {
  test.setTimeout(180_000);
  await withRedis(async (redis) => {
    const admin = await redis.node.client();
    try {
      await seed(page, redis.port, admin);
      await expect(page.getByRole('status').filter({ hasText: 'keys loaded' })).toHaveText(
        /All 1,400,000 keys loaded/,
        { timeout: 120_000 },
      );
      const tree = page.getByRole('tree', { name: 'Keys' });
      const row = (name: string) => tree.getByRole('treeitem', { name, exact: true });
      await expect(row('row-0')).toBeVisible();
      const info = await scrollInfo(tree);
      expect(info.height).toBeLessThan(33_554_430); // what the browser can lay out

      // The keyboard: End reaches the last key, and the scrollbar is at its bottom.
      await tree.focus();
      await page.keyboard.press('End');
      await expect(row(`row-${N - 1}`)).toBeInViewport({ ratio: 1 });
      await expect(row(`row-${N - 1}`)).toHaveAttribute('aria-selected', 'true');
      await expect.poll(async () => (await scrollInfo(tree)).top).toBeGreaterThanOrEqual(info.max - 1);
      await page.keyboard.press('ArrowUp');
      await expect(row(`row-${N - 2}`)).toHaveAttribute('aria-selected', 'true');
      await page.keyboard.press('Home');
      await expect(row('row-0')).toBeInViewport({ ratio: 1 });

      // Dragging the thumb to the middle shows the middle of the list.
      await tree.evaluate((el) => {
        el.scrollTop = (el.scrollHeight - el.clientHeight) / 2;
      });
      await expect.poll(async () => (await firstVisible(tree)).index).toBeGreaterThan(N / 2 - 100);
      const middle = await firstVisible(tree);
      expect(middle.index).toBeLessThan(N / 2 + 100);
      await expect(tree.locator(`[data-index="${middle.index}"]`)).toHaveAttribute('aria-label', `row-${middle.index}`);

      // The wheel moves by pixels: ten rows' worth shows the row ten below, not ~280 below.
      const box = (await tree.boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.wheel(0, 26 * 10);
      await expect.poll(async () => (await firstVisible(tree)).index).toBe(middle.index + 10);
      await page.mouse.wheel(0, -26 * 4);
      await expect.poll(async () => (await firstVisible(tree)).index).toBe(middle.index + 6);

      // Dragged to the bottom: the last row, at the bottom edge.
      await tree.evaluate((el) => {
        el.scrollTop = el.scrollHeight;
      });
      await expect(row(`row-${N - 1}`)).toBeInViewport({ ratio: 1 });
      await page.screenshot({ path: 'test-results/screenshots/key-tree-huge-end.png' });
    } finally {
      admin.disconnect();
    }
  });
});
