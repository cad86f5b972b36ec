import { describe, expect, it } from 'vitest';
import { EventLog } from './eventLog';
import { FailoverTracker } from './failoverTracker';
import { KILL_FAILOVER, MANUAL_FAILOVER } from './testSupport/recordedEvents';
import { poll, replay } from './testSupport/trackerReplay';

describe('FailoverTracker: which incident a switch or a late event belongs to', () => {
  // Bug: the +role-change of the crashed master rejoining was grouped into the next (manual)
  // failover, which had started meanwhile.
  it('groups late events of a finished failover with it, not with the next one', () => {
    const tracker = new FailoverTracker('mymaster', () => {});
    const log = new EventLog('w');
    replay(KILL_FAILOVER, tracker, log);
    tracker.reconcile(poll({ polledAt: 6000, masterAddress: '127.0.0.1:6380' }));
    const crash = tracker.records[0]!;
    tracker.expectManual();
    const [roleChange, ...manual] = MANUAL_FAILOVER;
    // The manual failover starts before the old master's role change arrives.
    replay([...manual.slice(0, 3), roleChange!.replace(/^\d+/, '16600'), ...manual.slice(3)], tracker, log);
    const second = tracker.records[1]!;
    const idsOf = (channel: string) => log.events.filter((e) => e.channel === channel).map((e) => e.id);
    const lateRoleChange = log.events.find((e) => e.channel === '+role-change' && e.at === 16600)!;
    expect(crash.eventIds).toContain(lateRoleChange.id);
    expect(second.eventIds).not.toContain(lateRoleChange.id);
    // The manual failover keeps its own demotion of 6380 and its epoch's events.
    expect(second.eventIds).toEqual(expect.arrayContaining(idsOf('+convert-to-slave')));
    const epoch2 = log.events.filter((e) => e.epoch === 2).map((e) => e.id);
    expect(second.eventIds).toEqual(expect.arrayContaining(epoch2));
    expect(crash.eventIds).not.toEqual(expect.arrayContaining(epoch2.slice(0, 1)));
  });

  // Bug (issue #12): a sentinel that learns the new configuration late (here 15 s, past the
  // de-duplication window) publishes its own +switch-master, which became a second incident.
  const LATE_REPORT = [
    '34100 26382 +new-epoch|2',
    '34100 26382 +config-update-from|sentinel 57050c95439c25442c62678e29c32b3fca8cdc41 127.0.0.1 26379 @ mymaster 127.0.0.1 6380',
    '34100 26382 +switch-master|mymaster 127.0.0.1 6380 127.0.0.1 6379',
    '34100 26382 +slave|slave 127.0.0.1:6380 127.0.0.1 6380 @ mymaster 127.0.0.1 6379',
  ];

  it('joins a late or repeated report of the same switch (same epoch) to its incident', () => {
    const completed: string[] = [];
    const tracker = new FailoverTracker('mymaster', (r) => {
      if (r.outcome === 'completed' && !completed.includes(r.id)) completed.push(r.id);
    });
    const log = new EventLog('w');
    tracker.expectManual();
    replay(MANUAL_FAILOVER, tracker, log);
    tracker.reconcile(poll({ polledAt: 29000, masterAddress: '127.0.0.1:6379', configEpoch: 2 }));
    const manual = tracker.records[0]!;
    expect(manual).toMatchObject({ epoch: 2, outcome: 'completed', manual: true });
    expect(tracker.open).toBeUndefined();

    replay(LATE_REPORT, tracker, log);
    // The same sentinel repeating itself, later still, is still the same switch.
    replay(['41000 26382 +switch-master|mymaster 127.0.0.1 6380 127.0.0.1 6379'], tracker, log);
    tracker.reconcile(poll({ polledAt: 42000, masterAddress: '127.0.0.1:6379', configEpoch: 2 }));

    expect(tracker.records).toHaveLength(1);
    expect(completed).toEqual([manual.id]);
    const switches = log.events.filter((e) => e.channel === '+switch-master');
    expect(switches.length).toBeGreaterThanOrEqual(3);
    expect(manual.eventIds).toEqual(expect.arrayContaining(switches.map((e) => e.id)));
    expect(switches.map((e) => e.epoch)).toEqual(switches.map(() => 2));
    const lateConfig = log.events.filter((e) => e.channel === '+config-update-from' && e.at === 34100);
    expect(manual.eventIds).toEqual(expect.arrayContaining(lateConfig.map((e) => e.id)));
    expect(manual.durationMs).toBe(17588 - 16485);
  });

  it('records a later failover with a new epoch as a second incident, and a stale report as the first', () => {
    const tracker = new FailoverTracker('mymaster', () => {});
    tracker.expectManual();
    replay(MANUAL_FAILOVER, tracker);
    tracker.reconcile(poll({ polledAt: 29000, masterAddress: '127.0.0.1:6379', configEpoch: 2 }));
    tracker.expectManual();
    replay(
      [
        '50000 26379 +new-epoch|3',
        '50000 26379 +try-failover|master mymaster 127.0.0.1 6379',
        '50050 26379 +elected-leader|master mymaster 127.0.0.1 6379',
        '51000 26380 +switch-master|mymaster 127.0.0.1 6379 127.0.0.1 6380',
        '51100 26379 +switch-master|mymaster 127.0.0.1 6379 127.0.0.1 6380',
      ],
      tracker,
    );
    expect(tracker.records).toHaveLength(2);
    expect(tracker.records[1]).toMatchObject({ epoch: 3, from: '127.0.0.1:6379', to: '127.0.0.1:6380' });
    // A sentinel two switches behind reports the first one: it stays the first incident's.
    replay(['53000 26382 +switch-master|mymaster 127.0.0.1 6380 127.0.0.1 6379'], tracker);
    tracker.reconcile(poll({ polledAt: 54000, masterAddress: '127.0.0.1:6380', configEpoch: 3 }));
    expect(tracker.records).toHaveLength(2);

    // The same move as the first, in a newer epoch, seen only by polling: a third incident.
    tracker.reconcile(poll({ polledAt: 60000, masterAddress: '127.0.0.1:6379', configEpoch: 5 }));
    expect(tracker.records).toHaveLength(3);
    expect(tracker.records[2]).toMatchObject({ epoch: 5, from: '127.0.0.1:6380', to: '127.0.0.1:6379' });
    // …and its own late +switch-master (epoch 5, the last poll's) joins it.
    replay(['63000 26382 +switch-master|mymaster 127.0.0.1 6380 127.0.0.1 6379'], tracker);
    expect(tracker.records).toHaveLength(3);
  });
});
