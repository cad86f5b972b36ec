import { describe, expect, it } from 'vitest';
import { formatValuesTable, runValuesBench } from './valuesBench';

// Runs the values benchmark end to end on small data: it works and reports every metric. No
// timing is asserted (the numbers are the benchmark's business, not the test suite's).
describe('values benchmark (smoke)', () => {
  it('opens the hash and the partial string and reports every metric', async () => {
    const result = await runValuesBench({ fields: 2_000, stringMb: 2, runs: 2 });
    expect(result).toMatchObject({ fields: 2_000, stringBytes: 2 * 1024 * 1024, runs: 2 });
    expect(result.metrics).toHaveLength(8);
    expect(result.metrics.every((m) => Number.isFinite(m.value))).toBe(true);
    expect(formatValuesTable(result)).toContain('header + first page');
  });
});
