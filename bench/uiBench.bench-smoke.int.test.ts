import { describe, expect, it } from 'vitest';
import { runUiBench } from './uiBench';
import { launchChromium, longTasksSince, pageNow, recordLongTasks } from './uiProbe';

// The browser-driven benchmark end to end on a tiny keyspace (needs `npm run build` and
// Chromium, like the e2e tests). Nothing about speed is asserted, only that it measures.
describe('UI benchmark (smoke)', () => {
  it('sees a blocked main thread as a long task', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await recordLongTasks(page);
      await page.goto('data:text/html,<p>probe</p>');
      const mark = await pageNow(page);
      // A page task (work run through the DevTools protocol itself is not attributed).
      await page.evaluate(
        'setTimeout(() => { const end = performance.now() + 150; while (performance.now() < end); })',
      );
      await expect.poll(async () => (await longTasksSince(page, mark)).length).toBeGreaterThan(0);
    } finally {
      await browser.close();
    }
  });

  it('reports heap, long tasks and timings through the web host', async () => {
    const metrics = await runUiBench({ keys: 2_000, smallKeys: 500, rowsPerStep: 40 });
    expect(metrics.map((m) => m.metric)).toEqual([
      expect.stringMatching(/^renderer JS heap, 2,000 keys loaded/),
      expect.stringMatching(/^longest renderer task while scanning 2,000 keys/),
      expect.stringMatching(/^longest renderer task scrolling through 200 rows/),
      expect.stringMatching(/^longest renderer task in the flat list of 2,000 keys/),
      expect.stringMatching(/^flat list of 2,000 keys: End to the last key shown/),
      expect.stringMatching(/^flat list of 2,000 keys: thumb to the middle/),
      expect.stringMatching(/^connect:/),
      expect.stringMatching(/^expand folder of 200/),
      'renderer JS heap after that scroll',
      expect.stringMatching(/^UI scan of 2,000 keys/),
    ]);
    expect(metrics.every((m) => Number.isFinite(m.value))).toBe(true);
    expect(metrics[0]!.value).toBeGreaterThan(0);
  });
});
