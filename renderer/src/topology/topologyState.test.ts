import { describe, expect, it } from 'vitest';
import { TIMELINE_LIMITS } from '../../../shared/api/topology';
import { alertText } from './alertText';
import { alert, event, failover, snapshot } from './testSupport/snapshotFixture';
import {
  applyAlert,
  applySnapshot,
  dismissAlerts,
  emptyWatch,
  mergeTimeline,
  nextExpiry,
  TRANSIENT_ALERT_MS,
  upsertEvent,
  upsertFailover,
  visibleAlerts,
} from './topologyState';

const starting = { code: 'failover-started', masterName: 'mymaster', manual: false } as const;
const completed = {
  code: 'failover-completed',
  from: '127.0.0.1:6379',
  to: '127.0.0.1:6380',
  abortedAttempts: 0,
} as const;

describe('topology watch state', () => {
  it('keeps the newest snapshot and ignores a stale one', () => {
    let w = applySnapshot(emptyWatch('w1'), snapshot({ revision: 5 }), 0, 0);
    w = applySnapshot(w, snapshot({ revision: 4, health: 'no-master' }), 0, 0);
    expect(w.snapshot?.revision).toBe(5);
    expect(w.snapshot?.health).toBe('healthy');
  });

  it('replaces a banner with the same key in place and never with an older one', () => {
    let w = applyAlert(emptyWatch('w1'), alert({ id: 'a1', at: 1_000 }), 0);
    w = applyAlert(w, alert({ id: 'a2', at: 2_000, kind: 'failover-started', message: starting }), 0);
    expect(w.alerts.map((s) => s.alert.id)).toEqual(['a2']);
    w = applyAlert(w, alert({ id: 'a1', at: 1_000 }), 0);
    expect(w.alerts.map((s) => s.alert.id)).toEqual(['a2']);
    w = applyAlert(w, alert({ id: 'r1', key: 'replica:127.0.0.1:6380', at: 1_500 }), 0);
    expect(visibleAlerts(w, 0).map((a) => a.id)).toEqual(['a2', 'r1']);
  });

  it('hides dismissed banners until a newer alert for the same subject arrives', () => {
    let w = applyAlert(emptyWatch('w1'), alert({ id: 'a1' }), 0);
    w = dismissAlerts(w, ['a1']);
    expect(visibleAlerts(w, 0)).toEqual([]);
    w = applySnapshot(w, snapshot({ alerts: [alert({ id: 'a1' })] }), 0, 1_000);
    expect(visibleAlerts(w, 0)).toEqual([]);
    w = applyAlert(w, alert({ id: 'a2', at: 3_000, kind: 'failover-completed', message: completed }), 0);
    expect(visibleAlerts(w, 0).map((a) => alertText(a.message))).toEqual([
      'New master: 127.0.0.1:6380 (was 127.0.0.1:6379).',
    ]);
  });

  it('lets end-state banners expire, but keeps a completed failover', () => {
    let w = applyAlert(
      emptyWatch('w1'),
      alert({ id: 'up', key: 'replica:x', kind: 'replica-up', transient: true }),
      100,
    );
    w = applyAlert(w, alert({ id: 'done', kind: 'failover-completed', transient: true, at: 2_000 }), 100);
    expect(visibleAlerts(w, 100 + TRANSIENT_ALERT_MS - 1)).toHaveLength(2);
    expect(nextExpiry(w, 100)).toBe(100 + TRANSIENT_ALERT_MS);
    expect(visibleAlerts(w, 100 + TRANSIENT_ALERT_MS).map((a) => a.id)).toEqual(['done']);
    expect(nextExpiry(w, 100 + TRANSIENT_ALERT_MS)).toBeUndefined();
  });

  it('dates alerts of the first snapshot by their age on core, not by when they arrived', () => {
    const old = alert({ id: 'old', key: 'replica:x', kind: 'replica-up', transient: true, at: 1_000 });
    const w = applySnapshot(emptyWatch('w1'), snapshot({ alerts: [old] }), 50_000, 1_000 + TRANSIENT_ALERT_MS);
    expect(visibleAlerts(w, 50_000)).toEqual([]);
  });

  it('merges the same event reported by more sentinels and bounds the log', () => {
    let w = upsertEvent(emptyWatch('w1'), event());
    w = upsertEvent(w, event({ reportedBy: ['127.0.0.1:26379', '127.0.0.1:26380'] }));
    w = upsertEvent(w, event({ reportedBy: ['127.0.0.1:26379'] }));
    expect(w.events).toHaveLength(1);
    expect(w.events[0]!.reportedBy).toHaveLength(2);
    for (let i = 0; i < TIMELINE_LIMITS.events + 5; i++) w = upsertEvent(w, event({ id: `x${i}`, at: i }));
    expect(w.events).toHaveLength(TIMELINE_LIMITS.events);
    expect(w.droppedEvents).toBe(6);
  });

  it('merges a fetched timeline without losing live updates that overtook it', () => {
    let w = upsertFailover(emptyWatch('w1'), failover({ id: 'f1', outcome: 'in-progress' }), 1);
    w = upsertFailover(w, failover({ id: 'f2', startedAt: 5_000, outcome: 'completed', to: 'B' }), 3);
    w = upsertEvent(w, event({ id: 'e2', at: 5_000, reportedBy: ['s1', 's2'] }));
    const fetched = {
      watchId: 'w1',
      masterName: 'mymaster',
      failovers: [
        failover({ id: 'f0', startedAt: 100, outcome: 'recovered' }),
        failover({ id: 'f1', outcome: 'aborted' }),
        failover({ id: 'f2', startedAt: 5_000, outcome: 'in-progress' }),
      ],
      events: [event({ id: 'e0', at: 100 }), event({ id: 'e2', at: 5_000, reportedBy: ['s1'] })],
      droppedEvents: 0,
    };
    w = mergeTimeline(w, fetched, 2);
    expect(w.failovers.map((f) => [f.id, f.outcome])).toEqual([
      ['f0', 'recovered'],
      ['f1', 'aborted'],
      ['f2', 'completed'],
    ]);
    expect(w.events.map((e) => [e.id, e.reportedBy.length])).toEqual([
      ['e0', 1],
      ['e2', 2],
    ]);
  });
});
