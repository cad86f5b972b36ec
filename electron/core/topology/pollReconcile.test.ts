import { describe, expect, it } from 'vitest';
import { failoverReasonText } from '../../../renderer/src/topology/failoverReasonText';
import type { FailoverRecord } from '../../../shared/api/topology';
import { FailoverTracker } from './failoverTracker';
import { phasesOf, poll, replay } from './testSupport/trackerReplay';

/** The reason in the words the timeline shows. */
const reasonText = (r: FailoverRecord) => r.reason && failoverReasonText(r.reason);

describe('FailoverTracker: what polls fill in', () => {
  it('fills in what events missed from polls', () => {
    const tracker = new FailoverTracker('mymaster', () => {});
    tracker.reconcile(poll({ polledAt: 100 }));
    tracker.reconcile(poll({ polledAt: 1100, sDownCount: 2 }));
    expect(phasesOf(tracker.open)).toEqual(['sdown']);
    // The master moved without a +switch-master reaching us.
    tracker.reconcile(poll({ polledAt: 5000, masterAddress: '127.0.0.1:6380' }));
    expect(tracker.records[0]).toMatchObject({ outcome: 'completed', to: '127.0.0.1:6380', durationMs: 3900 });
    expect(reasonText(tracker.records[0]!)).toMatch(/events were missed/);
  });

  it('ignores a poll that started before the last event', () => {
    const tracker = new FailoverTracker('mymaster', () => {});
    replay(['100 26379 +sdown|master mymaster 127.0.0.1 6379'], tracker);
    tracker.reconcile(poll({ polledAt: 50, sDownCount: 0 }));
    expect(tracker.open?.outcome).toBe('in-progress');
  });
});
