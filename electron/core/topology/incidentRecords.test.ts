import { describe, expect, it } from 'vitest';
import { FailoverTracker } from './failoverTracker';
import { KILL_FAILOVER } from './testSupport/recordedEvents';
import { poll, replay } from './testSupport/trackerReplay';

describe('FailoverTracker: the records it keeps', () => {
  it('keeps only the last records', () => {
    const tracker = new FailoverTracker('mymaster', () => {});
    for (let i = 0; i < 120; i++) {
      replay(
        [
          `${i * 10} 26379 +sdown|master mymaster 127.0.0.1 6379`,
          `${i * 10 + 5} 26379 -sdown|master mymaster 127.0.0.1 6379`,
        ],
        tracker,
      );
    }
    expect(tracker.records).toHaveLength(100);
  });

  // Issue #12: "Replica X (the former master) is down" for a master of two failovers ago.
  it('names as the former master only the old master of the latest switch', () => {
    const tracker = new FailoverTracker('mymaster', () => {});
    expect(tracker.formerMaster).toBeUndefined();
    replay(KILL_FAILOVER, tracker);
    expect(tracker.formerMaster).toBe('127.0.0.1:6379');
    tracker.reconcile(poll({ polledAt: 9000, masterAddress: '127.0.0.1:6380', configEpoch: 1 }));
    tracker.expectManual();
    replay(
      [
        '20000 26379 +new-epoch|2',
        '20000 26379 +try-failover|master mymaster 127.0.0.1 6380',
        '20500 26379 +switch-master|mymaster 127.0.0.1 6380 127.0.0.1 6381',
      ],
      tracker,
    );
    expect(tracker.formerMaster).toBe('127.0.0.1:6380');
    // An outage without a switch changes nothing.
    replay(['40000 26379 +sdown|master mymaster 127.0.0.1 6381'], tracker);
    expect(tracker.formerMaster).toBe('127.0.0.1:6380');
  });

  it('keeps how long sessions could not write around an incident, the longest pause', () => {
    const tracker = new FailoverTracker('mymaster', () => {});
    replay(KILL_FAILOVER, tracker);
    tracker.reconcile(poll({ polledAt: 6000, masterAddress: '127.0.0.1:6380', configEpoch: 1 }));
    const crash = tracker.records[0]!;
    tracker.writesBlocked(2000, 6600);
    tracker.writesBlocked(2100, 5000);
    expect(crash.writesBlockedMs).toBe(4600);
    // A blip after the incident ended is not part of it.
    tracker.writesBlocked(9000, 9500);
    expect(crash.writesBlockedMs).toBe(4600);
  });
});
