import { describe, expect, it } from 'vitest';
import type { FailoverAttempt, FailoverRecord } from '../../../shared/api/topology';
import { failoverReasonText } from '../../../renderer/src/topology/failoverReasonText';
import { EventLog } from './eventLog';
import { FailoverTracker, type PollView } from './failoverTracker';
import { parseSentinelEvent } from './sentinelEvent';
import { KILL_FAILOVER, MANUAL_FAILOVER, parseRecorded } from './testSupport/recordedEvents';

function replay(lines: string[], tracker: FailoverTracker, log = new EventLog('w')): void {
  for (const line of lines) {
    const r = parseRecorded(line);
    const { event, isNew } = log.record(parseSentinelEvent(r.channel, r.message), r.sentinel, r.at);
    tracker.handle(event, isNew);
  }
}

const poll = (p: Partial<PollView>): PollView => ({
  polledAt: 0,
  masterAddress: '127.0.0.1:6379',
  failoverInProgress: false,
  agreed: true,
  sDownCount: 0,
  failoverTimeoutMs: 5_000,
  ...p,
});

const phasesOf = (r: FailoverRecord | undefined) => r?.phases.map((p) => p.phase);
/** The reason in the words the timeline shows. */
const reasonText = (r: FailoverRecord) => r.reason && failoverReasonText(r.reason);
const worded = (a: FailoverAttempt) => ({ ...a, ...(a.reason && { reason: failoverReasonText(a.reason) }) });

describe('FailoverTracker', () => {
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
