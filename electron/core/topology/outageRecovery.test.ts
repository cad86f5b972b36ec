import { describe, expect, it } from 'vitest';
import { failoverReasonText } from '../../../renderer/src/topology/failoverReasonText';
import type { FailoverRecord } from '../../../shared/api/topology';
import { FailoverTracker } from './failoverTracker';
import { poll, replay } from './testSupport/trackerReplay';

/** The reason in the words the timeline shows. */
const reasonText = (r: FailoverRecord) => r.reason && failoverReasonText(r.reason);

describe('FailoverTracker: a master outage and its recovery', () => {
  it('records a master that comes back before any failover as recovered', () => {
    const tracker = new FailoverTracker('mymaster', () => {});
    replay(
      ['100 26379 +sdown|master mymaster 127.0.0.1 6379', '900 26379 -sdown|master mymaster 127.0.0.1 6379'],
      tracker,
    );
    expect(tracker.records[0]).toMatchObject({ outcome: 'recovered', endedAt: 900 });
    expect(reasonText(tracker.records[0]!)).toMatch(/came back after 0.8 s/);
  });

  it('keeps the incident open while another sentinel still sees the master down', () => {
    const tracker = new FailoverTracker('mymaster', () => {});
    replay(
      [
        '100 26379 +sdown|master mymaster 127.0.0.1 6379',
        '120 26380 +sdown|master mymaster 127.0.0.1 6379',
        '900 26379 -sdown|master mymaster 127.0.0.1 6379',
      ],
      tracker,
    );
    expect(tracker.open?.outcome).toBe('in-progress');
    expect(tracker.sDownReporters).toBe(1);
  });

  // Bug: a master restart after an outage recorded two "recovered" incidents: 26381 noticed
  // the outage only as the others saw the master back.
  it('merges a lagging sentinel’s sdown/-sdown right after a recovery into the same incident', () => {
    const tracker = new FailoverTracker('mymaster', () => {});
    replay(
      [
        '1000 26379 +sdown|master mymaster 127.0.0.1 6379',
        '1010 26380 +sdown|master mymaster 127.0.0.1 6379',
        '7000 26379 -sdown|master mymaster 127.0.0.1 6379',
        '7005 26380 -sdown|master mymaster 127.0.0.1 6379',
        '7100 26381 +sdown|master mymaster 127.0.0.1 6379',
        '7400 26381 -sdown|master mymaster 127.0.0.1 6379',
      ],
      tracker,
    );
    expect(tracker.records).toHaveLength(1);
    // The three -sdown reports are one de-duplicated event, first reported at 7000.
    expect(tracker.records[0]).toMatchObject({ outcome: 'recovered', startedAt: 1000, endedAt: 7000 });
    expect(reasonText(tracker.records[0]!)).toMatch(/came back after 6.0 s/);
    expect(tracker.records[0]!.eventIds).toHaveLength(3);
  });

  it('merges a poll that still sees the master down right after a recovery, but not a new outage', () => {
    const tracker = new FailoverTracker('mymaster', () => {});
    replay(
      ['1000 26379 +sdown|master mymaster 127.0.0.1 6379', '3000 26379 -sdown|master mymaster 127.0.0.1 6379'],
      tracker,
    );
    tracker.reconcile(poll({ polledAt: 3100, sDownCount: 1, sDownBy: ['127.0.0.1:26380'] }));
    expect(tracker.records).toHaveLength(1);
    expect(tracker.open?.outcome).toBe('in-progress');
    tracker.reconcile(poll({ polledAt: 3600, sDownCount: 0 }));
    expect(tracker.records[0]).toMatchObject({ outcome: 'recovered', endedAt: 3600 });
    // The same sentinel down again: a new outage.
    replay(['4000 26379 +sdown|master mymaster 127.0.0.1 6379'], tracker);
    expect(tracker.records).toHaveLength(2);
  });
});
