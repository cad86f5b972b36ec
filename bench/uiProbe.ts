import type { Browser, BrowserType, CDPSession, Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../e2e/support/checkPrerequisites.mjs';

// Measuring the renderer in Chromium: long tasks from a buffered PerformanceObserver, the JS heap
// through the DevTools protocol after forced collections. In-page code is passed as strings:
// this side is compiled without DOM types.

/** Loaded at run time so the bundled benchmark does not inline Playwright. */
const PLAYWRIGHT = 'playwright-core';

/** Debian's Chromium with the same flags as the e2e tests (no network besides loopback). */
export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium is not installed (apt-get install chromium, or set CHROMIUM_PATH).');
  const { chromium } = (await import(/* @vite-ignore */ PLAYWRIGHT)) as { chromium: BrowserType };
  return chromium.launch({
    executablePath,
    args: CHROMIUM_ARGS,
  });
}

export interface LongTask {
  start: number;
  duration: number;
}

/** Records every long task (> 50 ms on the main thread) from the first script on. */
const RECORD_LONG_TASKS = `
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
`;

export async function recordLongTasks(page: Page): Promise<void> {
  await page.addInitScript({ content: RECORD_LONG_TASKS });
}

/** The page's clock (performance.now()), to mark where a phase starts. */
export const pageNow = (page: Page): Promise<number> => page.evaluate<number>('performance.now()');

export async function longTasksSince(page: Page, mark: number): Promise<LongTask[]> {
  const all = await page.evaluate<LongTask[]>('window.__longTasks');
  return all.filter((t) => t.start >= mark);
}

/** Resolves after the page has painted the next frame. */
export const nextFrame = (page: Page): Promise<void> =>
  page.evaluate<void>('new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))');

/** JS heap in use (MB) after full collections: what the renderer retains. */
export async function jsHeapMb(cdp: CDPSession): Promise<number> {
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value;
  if (used === undefined) throw new Error('Chromium reported no JSHeapUsedSize');
  return used / 2 ** 20;
}

/** The longest task and how many there were, for a table row. */
export function summarizeLongTasks(tasks: LongTask[]): { longest: number; count: number } {
  return { longest: Math.max(0, ...tasks.map((t) => t.duration)), count: tasks.length };
}
