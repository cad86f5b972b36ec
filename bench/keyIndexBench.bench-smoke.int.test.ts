import { describe, expect, it } from 'vitest';
import { formatTable } from './benchTable';
import { runKeyIndexBench } from './keyIndexBench';

// Runs the core benchmark end to end on a small keyspace: it builds the complete index and
// reports every figure. No timing is asserted (the numbers are the benchmark's business).
describe('key index benchmark (smoke)', () => {
  it('builds the complete index and reports every figure', async () => {
    const result = await runKeyIndexBench({ keys: 5_000, rounds: 2 });
    expect(result).toMatchObject({ keys: 5_000, scannedKeys: 5_000, state: 'complete' });
    expect(result.metrics).toHaveLength(9);
    expect(result.metrics.every((m) => Number.isFinite(m.value))).toBe(true);
    expect(result.metrics[0]).toMatchObject({ unit: 'ms', target: '<= 1.5x' });
    expect(result.metrics[0]!.ratioRuns).toHaveLength(2);
    const table = formatTable(result.metrics);
    expect(table).toContain('first tree rows after scan start');
    expect(table.split('\n')[0]).toMatch(/figure +value +baseline +ratio +target +pass\?/);
  });
});
