import type { Page } from 'playwright-core';
import { saveProfileAndConnect } from '../e2e/support/profileFlow';
import { loadKeyspace } from './benchData';
import type { BenchMetric } from './benchTable';
import { withUiBed } from './uiBed';
import { jsHeapMb, longTasksSince, nextFrame, pageNow, recordLongTasks, summarizeLongTasks } from './uiProbe';

export interface UiBenchOptions {
  keys: number;
  /** The smaller keyspace the heap is compared with (100,000 for the real run). */
  smallKeys: number;
  /** Rows per mouse-wheel step while scrolling through the wide folder. */
  rowsPerStep?: number;
  log?: (line: string) => void;
}

const ROW_HEIGHT = 26;
const MAX_LONG_TASK_MS = 50;

/**
 * The renderer with a real keyspace, through the web host in Debian's Chromium: JS heap with a
 * small and the full keyspace loaded, long tasks while the full keyspace is scanned, while
 * scrolling with the mouse wheel through a folder with 100,000 direct children, and while jumping
 * around the flat list of every key.
 */
export async function runUiBench(opts: UiBenchOptions): Promise<BenchMetric[]> {
  const log = opts.log ?? (() => undefined);
  return withUiBed(async ({ redis, host, browser, admin }) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    await recordLongTasks(page);

    await loadKeyspace(admin, opts.smallKeys);
    await page.goto(host.url);
    let t = performance.now();
    await saveProfileAndConnect(page, 'Bench', redis.port);
    const tree = page.getByRole('tree', { name: 'Keys' });
    await tree.getByRole('treeitem').first().waitFor();
    const firstRowsMs = performance.now() - t;
    await allLoaded(page, opts.smallKeys);
    const smallHeap = await jsHeapMb(cdp);
    log(`UI: ${opts.smallKeys.toLocaleString('en')} keys loaded, JS heap ${smallHeap.toFixed(1)} MB`);

    await admin.flushall();
    const space = await loadKeyspace(admin, opts.keys);
    let mark = await pageNow(page);
    const scanStart = performance.now();
    await page.getByRole('button', { name: 'Rescan' }).click();
    await allLoaded(page, opts.keys);
    const scanMs = performance.now() - scanStart;
    const scan = summarizeLongTasks(await longTasksSince(page, mark));
    const heap = await jsHeapMb(cdp);
    log(
      `UI: ${opts.keys.toLocaleString('en')} keys loaded in ${(scanMs / 1000).toFixed(1)} s, JS heap ${heap.toFixed(1)} MB`,
    );

    t = performance.now();
    await tree.getByRole('treeitem', { name: 'wide', exact: true }).click();
    await tree.getByRole('treeitem', { name: '0', exact: true }).waitFor();
    const expandMs = performance.now() - t;
    mark = await pageNow(page);
    const steps = await scrollThrough(page, space.wideChildren, opts.rowsPerStep ?? 100);
    const scroll = summarizeLongTasks(await longTasksSince(page, mark));
    const heapAfterScroll = await jsHeapMb(cdp);
    log(`UI: scrolled through ${space.wideChildren.toLocaleString('en')} rows in ${steps} wheel steps`);

    mark = await pageNow(page);
    const flat = await flatListJumps(page, `wide:${space.wideChildren - 1}`);
    const flatTasks = summarizeLongTasks(await longTasksSince(page, mark));
    log(
      `UI: flat list of every key: End ${flat.endMs.toFixed(0)} ms, thumb to the middle ${flat.middleMs.toFixed(0)} ms`,
    );

    const n = opts.keys.toLocaleString('en');
    const wide = space.wideChildren.toLocaleString('en');
    const growth = heap / smallHeap;
    return [
      {
        metric: `renderer JS heap, ${n} keys loaded (baseline: ${opts.smallKeys.toLocaleString('en')} keys)`,
        value: heap,
        unit: 'MB',
        baseline: smallHeap,
        ratio: growth,
        target: '<= 100 MB, <= 1.2x',
        ok: heap <= 100 && growth <= 1.2,
      },
      longTaskMetric(`longest renderer task while scanning ${n} keys`, scan),
      longTaskMetric(`longest renderer task scrolling through ${wide} rows (${steps} wheel steps)`, scroll),
      longTaskMetric(`longest renderer task in the flat list of ${n} keys (End, Home, thumb to the middle)`, flatTasks),
      { metric: `flat list of ${n} keys: End to the last key shown (browser)`, value: flat.endMs, unit: 'ms' },
      {
        metric: `flat list of ${n} keys: thumb to the middle to its rows shown (browser)`,
        value: flat.middleMs,
        unit: 'ms',
      },
      { metric: 'connect: Connect click to first tree rows shown (browser)', value: firstRowsMs, unit: 'ms' },
      { metric: `expand folder of ${wide}: click to first rows shown (browser)`, value: expandMs, unit: 'ms' },
      { metric: 'renderer JS heap after that scroll', value: heapAfterScroll, unit: 'MB' },
      { metric: `UI scan of ${n} keys: Rescan click to "All keys loaded"`, value: scanMs / 1000, unit: 's' },
    ];
  });
}

function longTaskMetric(metric: string, tasks: { longest: number; count: number }): BenchMetric {
  return {
    metric: `${metric}: ${tasks.count} long task${tasks.count === 1 ? '' : 's'}`,
    value: tasks.longest,
    unit: 'ms',
    target: `<= ${MAX_LONG_TASK_MS} ms`,
    ok: tasks.count === 0,
  };
}

/**
 * The flat list of every key (10M rows is ~260M px, far past what a browser lays out): End to
 * the last key, Home, then the scrollbar's thumb to the middle until those rows are loaded.
 */
async function flatListJumps(page: Page, lastKey: string): Promise<{ endMs: number; middleMs: number }> {
  const tree = page.getByRole('tree', { name: 'Keys' });
  await page.getByRole('button', { name: 'Flat list' }).click();
  await tree.locator('[aria-level="1"]').first().waitFor();
  await tree.focus();
  let t = performance.now();
  await page.keyboard.press('End');
  await tree.getByRole('treeitem', { name: lastKey, exact: true }).waitFor();
  const endMs = performance.now() - t;
  await page.keyboard.press('Home');
  await until(page, () => tree.evaluate((el) => el.scrollTop === 0));
  t = performance.now();
  await tree.evaluate((el) => {
    el.scrollTop = (el.scrollHeight - el.clientHeight) / 2;
  });
  // Rows still loading show "…" (class key-row-loading): wait until every row on screen is a key.
  await until(page, () =>
    tree.evaluate(
      (el) => el.scrollTop > 0 && !el.querySelector('.key-row-loading') && !!el.querySelector('[role="treeitem"]'),
    ),
  );
  const middleMs = performance.now() - t;
  await page.getByRole('button', { name: 'Flat list' }).click();
  return { endMs, middleMs };
}

/** Checks once a frame until the condition holds (10 s at most). */
async function until(page: Page, condition: () => Promise<boolean>): Promise<void> {
  for (const end = performance.now() + 10_000; !(await condition()); await nextFrame(page)) {
    if (performance.now() > end) throw new Error('the tree did not get there in 10 s');
  }
}

/** Waits for the progress line to say the whole keyspace is loaded. */
async function allLoaded(page: Page, keys: number): Promise<void> {
  await page
    .getByRole('status')
    .filter({ hasText: `All ${keys.toLocaleString('en-US')} keys loaded` })
    .waitFor({ timeout: 60_000 + keys / 10 });
}

/**
 * Scrolls the tree with the mouse wheel, a frame between steps, until the folder's last child
 * (its name is the largest number) is shown. Returns the number of steps.
 */
async function scrollThrough(page: Page, children: number, rowsPerStep: number): Promise<number> {
  const tree = page.getByRole('tree', { name: 'Keys' });
  const box = await tree.boundingBox();
  if (!box) throw new Error('the key tree is not visible');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const lastChild = tree.getByRole('treeitem', { name: String(children - 1), exact: true });
  const maxSteps = Math.ceil(children / rowsPerStep) + 50;
  for (let step = 1; step <= maxSteps; step++) {
    await page.mouse.wheel(0, rowsPerStep * ROW_HEIGHT);
    await nextFrame(page);
    if (step % 20 === 0 && (await lastChild.isVisible())) return step;
  }
  await lastChild.waitFor({ timeout: 10_000 });
  return maxSteps;
}
