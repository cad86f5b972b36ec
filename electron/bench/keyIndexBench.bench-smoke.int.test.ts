import { describe, expect, it } from 'vitest';
import { formatTable, runKeyIndexBench } from './keyIndexBench';

// Runs the benchmark end to end on a small keyspace: it works and reports every metric. No
// timing is asserted (the numbers are the benchmark's business, not the test suite's).
describe('key index benchmark (smoke)', () => {
  it('builds the complete index and reports every metric', async () => {
    const result = await runKeyIndexBench({ keys: 5_000 });
    expect(result).toMatchObject({ keys: 5_000, scannedKeys: 5_000, state: 'complete' });
    expect(result.metrics.map((m) => m.metric)).toHaveLength(9);
    expect(result.metrics.every((m) => Number.isFinite(m.value))).toBe(true);
    expect(formatTable(result)).toContain('first rows after scan start');
  });
});
