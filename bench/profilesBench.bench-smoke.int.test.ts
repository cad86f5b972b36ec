import { describe, expect, it } from 'vitest';
import { runProfilesBench } from './profilesBench';

// The profiles benchmark end to end on a small list: it runs and reports every figure. No
// timing is asserted (the numbers are the benchmark's business, not the test suite's).
describe('profiles benchmark (smoke)', () => {
  it('lists and creates through dispatch and reports each figure with its baseline', async () => {
    const { metrics } = await runProfilesBench({ profiles: 200, runs: 2 });
    expect(metrics.map((m) => m.metric)).toHaveLength(3);
    for (const m of metrics) expect(Number.isFinite(m.value) && Number.isFinite(m.baseline)).toBe(true);
  });
});
