import { describe, expect, it } from 'vitest';
import { runTopologyUiBench } from './topologyUiBench';

// Runs the topology UI benchmark end to end with one crash failover (needs `npm run build`:
// it drives the built web host in Chromium). No timing is asserted: only that every figure
// was measured, i.e. the page showed each banner and the new master.
describe('topology UI benchmark (smoke)', () => {
  it('measures banners and the diagram for a crash failover', async () => {
    const result = await runTopologyUiBench({ failovers: 1 });
    expect(result.samples).toHaveLength(1);
    expect(result.samples[0]!.from).not.toBe(result.samples[0]!.to);
    expect(result.metrics).toHaveLength(5);
    for (const m of result.metrics) expect(Number.isFinite(m.value), m.metric).toBe(true);
  }, 180_000);
});
