import { describe, expect, it } from 'vitest';
import { formatTable } from './benchTable';
import { runUiKeyIndexBench } from './uiKeyIndexBench';

// The end-to-end key index figure on a tiny keyspace (needs `npm run build` and Chromium, like
// the e2e tests): a saved profile opened through the web host, next to raw SCAN loops. Nothing
// about speed is asserted, only that it measures.
describe('UI key index benchmark (smoke)', () => {
  it('times the saved profile click to all keys loaded and to first rows, next to raw SCAN', async () => {
    const metrics = await runUiKeyIndexBench({ keys: 3_000, rounds: 2 });
    expect(metrics.map((m) => m.metric)).toEqual([
      expect.stringMatching(/^UI: saved profile click to "All 3,000 keys loaded" vs best raw SCAN loop/),
      'UI: saved profile click to first tree rows shown',
      expect.stringMatching(/^UI: web host CPU time while loading/),
      'UI: load average (1 min) at the start of each round',
    ]);
    expect(metrics.every((m) => Number.isFinite(m.value))).toBe(true);
    expect(metrics[0]).toMatchObject({ unit: 'ms', target: '<= 1.5x' });
    expect(metrics[0]!.ratioRuns).toHaveLength(2);
    expect(metrics[0]!.baseline).toBeGreaterThan(0);
    expect(metrics[1]!.value).toBeGreaterThan(0);
    expect(metrics[2]!.value).toBeGreaterThanOrEqual(0);
    expect(formatTable(metrics)).toContain('first tree rows');
  });
});
