import { describe, expect, it } from 'vitest';
import { describeEvent, failoverTitle, timelineRows } from './timelineModel';
import { event, failover } from './testSupport/snapshotFixture';

describe('timeline rows', () => {
  const f1 = failover({ id: 'f1', startedAt: 1_000, eventIds: ['e1', 'e2'], outcome: 'recovered' });
  const f2 = failover({ id: 'f2', startedAt: 9_000, eventIds: ['e4'], manual: true });
  const events = [
    event({ id: 'e1', at: 1_000, failoverId: 'f1' }),
    event({ id: 'e2', at: 2_000 }),
    event({ id: 'e3', at: 5_000, channel: '+sentinel' }),
    event({ id: 'e4', at: 9_000, failoverId: 'f2' }),
  ];

  it('lists newest first, the newest failover expanded with its events oldest first', () => {
    const rows = timelineRows([f1, f2], events, {}, 0);
    expect(rows.map((r) => r.key)).toEqual(['f:f2', 'e:e4', 'e:e3', 'f:f1']);
  });

  it('follows the user: opened and closed groups, and says when events were dropped', () => {
    const rows = timelineRows([f1, f2], events, { f1: true, f2: false }, 7);
    expect(rows.map((r) => r.key)).toEqual(['f:f2', 'e:e3', 'f:f1', 'e:e1', 'e:e2', 'dropped']);
    expect(rows[2]).toMatchObject({ kind: 'failover', eventCount: 2 });
  });

  it('titles incidents by what happened', () => {
    expect(failoverTitle(f2)).toBe('Manual failover');
    expect(failoverTitle(f1)).toBe('Master outage');
    const auto = failover({ phases: [{ phase: 'try-failover', at: 1, sincePreviousMs: 0 }] });
    expect(failoverTitle(auto)).toBe('Automatic failover');
  });

  it('puts events into words', () => {
    expect(describeEvent(event())).toBe('master 127.0.0.1:6379 subjectively down');
    expect(
      describeEvent(
        event({
          channel: '+switch-master',
          instance: undefined,
          switch: { from: '127.0.0.1:6379', to: '127.0.0.1:6380' },
        }),
      ),
    ).toBe('master switched from 127.0.0.1:6379 to 127.0.0.1:6380');
    expect(describeEvent(event({ channel: '-failover-abort-no-good-slave' }))).toBe('failover aborted (no good slave)');
    expect(
      describeEvent(
        event({
          channel: '-role-change',
          message: 'slave 127.0.0.1:6380 127.0.0.1 6380 @ mymaster 127.0.0.1 6379 new reported role is master',
          instance: { role: 'replica', name: '127.0.0.1:6380', address: '127.0.0.1:6380' },
        }),
      ),
    ).toBe('replica 127.0.0.1:6380 now reports role master');
    expect(
      describeEvent(event({ channel: '+slave-reconf-done', instance: { role: 'replica', name: 'x', address: 'A' } })),
    ).toBe('reconfiguration of replica A done');
  });
});
