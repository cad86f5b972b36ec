import { describe, expect, it } from 'vitest';
import { formatTable } from './benchTable';
import { runTopologyBench } from './topologyBench';

// Runs the topology benchmark end to end with one crash and two manual failovers. No timing is
// asserted (the numbers are the benchmark's business), only that every figure is measured.
describe('topology benchmark (smoke)', () => {
  it('measures every failover and reports every figure', async () => {
    const result = await runTopologyBench({ crashes: 1, failovers: 2, log: console.log });
    expect(result.samples.map((s) => s.kind)).toEqual(['crash', 'manual', 'manual']);
    expect(result.samples.every((s) => Number.isFinite(s.writesMs) && Number.isFinite(s.snapshotMs))).toBe(true);
    expect(result.timelineFailovers).toBe(2);
    expect(result.connections).toHaveLength(3);
    expect(result.metrics).toHaveLength(7);
    expect(formatTable(result.metrics)).toContain('writes accepted after +switch-master');
  }, 240_000);
});
