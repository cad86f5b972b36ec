import { describe, expect, it } from 'vitest';
import { MAX_COUNT, MIN_COUNT, ScanCountTuner } from './scanCountTuner';

/** Feeds `calls` calls whose time is `elapsed(count, i)`; the COUNT after each. */
function run(tuner: ScanCountTuner, calls: number, elapsed: (count: number, i: number) => number): number[] {
  const counts: number[] = [];
  for (let i = 0; i < calls; i++) counts.push(tuner.next(elapsed(tuner.count, i)));
  return counts;
}

describe('ScanCountTuner', () => {
  it('grows while calls are quick, up to its maximum', () => {
    const counts = run(new ScanCountTuner(1_000), 30, () => 1);
    expect(counts.at(-1)).toBe(MAX_COUNT);
  });

  it('shrinks when the server takes longer in proportion to COUNT (each call kept ~5–20 ms)', () => {
    const tuner = new ScanCountTuner(10_000);
    run(tuner, 30, (count) => count * 0.04); // 40 µs per unit of COUNT: 400 ms at 10,000
    expect(tuner.count * 0.04).toBeLessThanOrEqual(20);
    expect(tuner.count * 0.04).toBeGreaterThanOrEqual(5 / 1.5);
  });

  it('does not shrink for delays that COUNT does not explain (a busy machine: some calls wait to run)', () => {
    // Server work ~0.3 µs per unit; every other reply waits 40 ms for a CPU (client or server).
    const counts = run(new ScanCountTuner(1_000), 40, (count, i) => count * 0.0003 + (i % 2 ? 40 : 0.5));
    expect(counts.at(-1)).toBe(MAX_COUNT);
  });

  it('stays within its bounds', () => {
    expect(run(new ScanCountTuner(10), 5, () => 100).at(-1)).toBe(MIN_COUNT);
    expect(new ScanCountTuner(1_000_000).count).toBe(MAX_COUNT);
  });
});
