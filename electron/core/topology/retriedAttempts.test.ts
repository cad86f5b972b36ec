import { describe, expect, it } from 'vitest';
import { failoverReasonText } from '../../../renderer/src/topology/failoverReasonText';
import type { FailoverAttempt } from '../../../shared/api/topology';
import { FailoverTracker } from './failoverTracker';
import { phasesOf, poll, replay } from './testSupport/trackerReplay';

const worded = (a: FailoverAttempt) => ({ ...a, ...(a.reason && { reason: failoverReasonText(a.reason) }) });

describe('FailoverTracker: attempts Sentinel gave up and retried', () => {
  // Issue #12 (found by the failover soak): an attempt Sentinel gives up while the master stays
  // down, then its retry, were two incidents (three, with the poll that still saw it down).
  it('keeps an attempt Sentinel gave up and its retry in one incident while the master stays down', () => {
    const tracker = new FailoverTracker('mymaster', () => {});
    const down = [
      '100 26379 +sdown|master mymaster 127.0.0.1 6379',
      '150 26380 +sdown|master mymaster 127.0.0.1 6379',
      '200 26379 +odown|master mymaster 127.0.0.1 6379 #quorum 2/2',
      '200 26379 +new-epoch|7',
      '200 26379 +try-failover|master mymaster 127.0.0.1 6379',
      '300 26379 +elected-leader|master mymaster 127.0.0.1 6379',
      '400 26379 -failover-abort-no-good-slave|master mymaster 127.0.0.1 6379',
    ];
    replay(down, tracker);
    expect(tracker.records[0]).toMatchObject({ outcome: 'aborted', endedAt: 400 });
    // A poll still sees it down: the same outage, not a new one.
    tracker.reconcile(poll({ polledAt: 2000, sDownCount: 2, sDownBy: ['a', 'b'] }));
    replay(
      [
        '10000 26380 +new-epoch|8',
        '10000 26380 +try-failover|master mymaster 127.0.0.1 6379',
        '10100 26380 +elected-leader|master mymaster 127.0.0.1 6379',
        '10200 26380 +selected-slave|slave 127.0.0.1:6381 127.0.0.1 6381 @ mymaster 127.0.0.1 6379',
        '11000 26380 +switch-master|mymaster 127.0.0.1 6379 127.0.0.1 6381',
      ],
      tracker,
    );
    expect(tracker.records).toHaveLength(1);
    const record = tracker.records[0]!;
    expect(record).toMatchObject({ outcome: 'completed', epoch: 8, to: '127.0.0.1:6381', durationMs: 11000 - 100 });
    expect(record.attempts?.map(worded)).toEqual([
      { epoch: 7, at: 200, endedAt: 400, reason: expect.stringMatching(/no replica/) },
    ]);
    expect(phasesOf(record)).toEqual([
      'sdown',
      'odown',
      'try-failover',
      'leader-elected',
      'selected-replica',
      'switch-master',
    ]);
    expect(record.leader).toBe('127.0.0.1:26380');
    expect(record.phases[2]).toEqual({ phase: 'try-failover', at: 10000, sincePreviousMs: 10000 - 200 });

    // The master back up after a given-up attempt: the same incident, recovered.
    const again = new FailoverTracker('mymaster', () => {});
    replay(down, again);
    replay(
      ['5000 26379 -sdown|master mymaster 127.0.0.1 6379', '5001 26380 -sdown|master mymaster 127.0.0.1 6379'],
      again,
    );
    expect(again.records).toHaveLength(1);
    // Once it was back, a new outage is a new incident.
    replay(['9000 26379 +sdown|master mymaster 127.0.0.1 6379'], again);
    expect(again.records).toHaveLength(2);
  });

  // Found by the same soak: the leader gave up, but another sentinel's attempt of that epoch was
  // still running — the next poll saw failover_in_progress and started a second incident.
  it('continues the incident when a poll sees another attempt running after one was given up', () => {
    const tracker = new FailoverTracker('mymaster', () => {});
    replay(
      [
        '100 26379 +sdown|master mymaster 127.0.0.1 6379',
        '200 26379 +odown|master mymaster 127.0.0.1 6379 #quorum 2/2',
        '200 26379 +new-epoch|1',
        '200 26379 +try-failover|master mymaster 127.0.0.1 6379',
        '300 26379 -failover-abort-no-good-slave|master mymaster 127.0.0.1 6379',
      ],
      tracker,
    );
    tracker.reconcile(poll({ polledAt: 310, failoverInProgress: true, sDownCount: 2, sDownBy: ['a', 'b'] }));
    expect(tracker.records).toHaveLength(1);
    expect(tracker.open).toMatchObject({ outcome: 'in-progress', epoch: 1, attempts: [{ epoch: 1, at: 200 }] });
    replay(
      [
        '3000 26380 -failover-abort-not-elected|master mymaster 127.0.0.1 6379',
        '6000 26380 +new-epoch|2',
        '6000 26380 +try-failover|master mymaster 127.0.0.1 6379',
        '7000 26380 +switch-master|mymaster 127.0.0.1 6379 127.0.0.1 6380',
      ],
      tracker,
    );
    expect(tracker.records).toHaveLength(1);
    expect(tracker.records[0]).toMatchObject({ outcome: 'completed', epoch: 2, to: '127.0.0.1:6380' });
    expect(tracker.records[0]!.attempts?.map((a) => a.at)).toEqual([200, 310]);
  });
});
