import { describe, expect, it } from 'vitest';
import { runFailoverSoak } from './failoverSoak';
import { soakFigures } from './soakChecks';

// The failover soak in short: one failover of each kind (crash, manual, pause past
// down-after-milliseconds), the second with a sentinel that reports late. No timing is
// asserted; the timeline and its export must hold exactly one exact incident per failover.
describe('failover soak (smoke)', () => {
  it('records one incident per failover, each with its kind, masters and phases', async () => {
    const result = await runFailoverSoak({ failovers: 3, downAfterMs: 2000, log: console.log });
    expect(result.problems).toEqual([]);
    expect(result.samples.map((s) => [s.kind, s.late])).toEqual([
      ['crash', 'none'],
      ['manual', 'same'],
      ['pause', 'none'],
    ]);
    expect(result.timeline.map((r) => [r.manual, r.from, r.to])).toEqual(
      result.samples.map((s) => [s.kind === 'manual', s.from, s.to]),
    );
    expect(result.exported.map((r) => r.id)).toEqual(result.timeline.map((r) => r.id));
    expect(result.lateReports).toBe(1);
    expect(soakFigures(result.samples, result.timeline)).toHaveLength(3);
  }, 300_000);
});
