import { describe, expect, it } from 'vitest';
import { failoverReasonText } from '../../../renderer/src/topology/failoverReasonText';
import type { FailoverRecord } from '../../../shared/api/topology';
import { FailoverTracker } from './failoverTracker';
import { KILL_FAILOVER, MANUAL_FAILOVER } from './testSupport/recordedEvents';
import { phasesOf, poll, replay } from './testSupport/trackerReplay';

/** The reason in the words the timeline shows. */
const reasonText = (r: FailoverRecord) => r.reason && failoverReasonText(r.reason);

describe('FailoverTracker: events into incidents, phases and outcomes', () => {
  it('groups a crash failover into one record with every phase and its duration', () => {
    const changes: string[] = [];
    const tracker = new FailoverTracker('mymaster', (r) => changes.push(r.outcome));
    replay(KILL_FAILOVER, tracker);
    expect(tracker.records).toHaveLength(1);
    const record = tracker.records[0]!;
    expect(phasesOf(record)).toEqual([
      'sdown',
      'odown',
      'try-failover',
      'leader-elected',
      'selected-replica',
      'promoted',
      'switch-master',
      'replicas-reconfigured',
    ]);
    expect(record).toMatchObject({
      manual: false,
      epoch: 1,
      from: '127.0.0.1:6379',
      to: '127.0.0.1:6380',
      leader: '127.0.0.1:26379',
      selectedReplica: '127.0.0.1:6380',
      outcome: 'completed',
      startedAt: 3082,
      durationMs: 4254 - 3082,
    });
    expect(record.phases[1]).toEqual({ phase: 'odown', at: 3155, sincePreviousMs: 73 });
    expect(record.eventIds.length).toBeGreaterThan(10);
    expect(changes).toContain('completed');

    // Ends once every sentinel agrees on the new master.
    tracker.reconcile(poll({ polledAt: 6000, masterAddress: '127.0.0.1:6380' }));
    expect(phasesOf(record)?.at(-1)).toBe('end');
    expect(record.endedAt).toBe(6000);
    expect(tracker.open).toBeUndefined();
  });

  it('marks a SENTINEL FAILOVER as manual, starting at try-failover', () => {
    const tracker = new FailoverTracker('mymaster', () => {});
    tracker.expectManual();
    replay(MANUAL_FAILOVER, tracker);
    const record = tracker.records.at(-1)!;
    expect(record).toMatchObject({ manual: true, from: '127.0.0.1:6380', to: '127.0.0.1:6379', outcome: 'completed' });
    expect(phasesOf(record)?.[0]).toBe('try-failover');
  });

  it('records an abort with its reason, and no-quorum until the master is back', () => {
    const tracker = new FailoverTracker('mymaster', () => {});
    replay(['100 26379 +sdown|master mymaster 127.0.0.1 6379'], tracker);
    const quorumTooHigh = { code: 'quorum-above-sentinels', quorum: 4, sentinels: 3 } as const;
    tracker.noQuorum(quorumTooHigh);
    expect(tracker.open).toMatchObject({ outcome: 'no-quorum', reason: quorumTooHigh });
    replay(['5000 26379 -sdown|master mymaster 127.0.0.1 6379'], tracker);
    expect(tracker.records[0]).toMatchObject({ outcome: 'recovered' });
    expect(reasonText(tracker.records[0]!)).toMatch(/No failover was possible \(its quorum is 4/);

    replay(
      [
        '6000 26379 +sdown|master mymaster 127.0.0.1 6379',
        '6100 26379 +odown|master mymaster 127.0.0.1 6379 #quorum 1/1',
        '6100 26379 +try-failover|master mymaster 127.0.0.1 6379',
        '9000 26379 -failover-abort-not-elected|master mymaster 127.0.0.1 6379',
      ],
      tracker,
    );
    expect(tracker.records[1]).toMatchObject({ outcome: 'aborted', endedAt: 9000 });
    expect(reasonText(tracker.records[1]!)).toMatch(/no leader was elected/);
  });
});
