import { describe, expect, it } from 'vitest';
import type { FailoverRecord, ReplicaNode, SentinelNode, TopologyAlert } from '../../../shared/api/topology';
import type { SessionView } from '../../../shared/api/sessions';
import { alertText } from '../../../renderer/src/topology/alertText';
import { failoverReasonText } from '../../../renderer/src/topology/failoverReasonText';
import { AlertBook, type AlertDraft } from './alertBook';
import { incidentAlert as incidentDraft } from './incidentAlert';
import { noFailoverReason as noFailoverCode } from './noFailover';
import { nodeAlerts, type NodeLists } from './nodeAlerts';
import { sessionAlert as sessionDraft } from './sessionAlerts';
import { parseFlags } from './sentinelAnswer';

const record = (over: Partial<FailoverRecord>): FailoverRecord => ({
  id: 'f1',
  masterName: 'mymaster',
  manual: false,
  from: '10.0.0.1:6379',
  phases: [{ phase: 'sdown', at: 0, sincePreviousMs: 0 }],
  outcome: 'in-progress',
  startedAt: 0,
  eventIds: [],
  ...over,
});
const ctx = { sDownCount: 2, sentinels: 3, quorum: 2 };

// Core sends codes; these tests read them in the words the renderer shows (renderer/src/topology/alertText.ts).
const worded = (draft: AlertDraft) => ({ ...draft, text: alertText(draft.message) });
const incidentAlert = (...args: Parameters<typeof incidentDraft>) => worded(incidentDraft(...args));
const sessionAlert = (...args: Parameters<typeof sessionDraft>) => {
  const draft = sessionDraft(...args);
  return draft && worded(draft);
};
const noFailoverReason = (...args: Parameters<typeof noFailoverCode>) => {
  const reason = noFailoverCode(...args);
  return reason && failoverReasonText(reason);
};
const phases = (...names: FailoverRecord['phases'][number]['phase'][]) =>
  names.map((phase, i) => ({ phase, at: i * 100, sincePreviousMs: i ? 100 : 0 }));

describe('incidentAlert', () => {
  it('says how many sentinels see the master down, then that the quorum agrees', () => {
    expect(incidentAlert(record({}), ctx)).toMatchObject({
      key: 'incident:f1',
      kind: 'master-sdown',
      severity: 'warning',
      text: 'Master 10.0.0.1:6379 is subjectively down: 2 of 3 sentinels cannot reach it (quorum 2).',
    });
    expect(incidentAlert(record({ phases: phases('sdown', 'odown') }), ctx).text).toBe(
      'Master 10.0.0.1:6379 is objectively down: the quorum of 2 sentinels agrees — failover starting.',
    );
  });

  it('names the leader and the selected replica while the failover runs', () => {
    const running = record({
      phases: phases('sdown', 'odown', 'try-failover', 'leader-elected', 'selected-replica'),
      leader: '10.0.0.9:26379',
      selectedReplica: '10.0.0.2:6379',
      epoch: 4,
    });
    expect(incidentAlert(running, ctx)).toMatchObject({
      kind: 'failover-progress',
      text: 'Failover of "mymaster" in progress: sentinel 10.0.0.9:26379 leads, promoting replica 10.0.0.2:6379.',
    });
    expect(incidentAlert(record({ manual: true, phases: phases('try-failover'), epoch: 4 }), ctx).text).toBe(
      'Manual failover of "mymaster" in progress (electing a leader, epoch 4).',
    );
  });

  it('announces the new master with the duration, and every other ending', () => {
    expect(incidentAlert(record({ outcome: 'completed', to: '10.0.0.2:6379', durationMs: 4213 }), ctx)).toMatchObject({
      kind: 'failover-completed',
      severity: 'success',
      address: '10.0.0.2:6379',
      transient: true,
      text: 'New master: 10.0.0.2:6379 (was 10.0.0.1:6379) — failover took 4.2 s.',
    });
    // Issue #12: the sentinels' time alone read as if writes had been blocked for that long.
    const blocked = record({ outcome: 'completed', to: '10.0.0.2:6379', durationMs: 800, writesBlockedMs: 4600 });
    expect(incidentAlert(blocked, ctx).text).toBe(
      'New master: 10.0.0.2:6379 (was 10.0.0.1:6379) — failover took 0.8 s; writes were blocked for 4.6 s.',
    );
    // Issue #12: Sentinel gave an attempt up and tried again, within the same outage.
    const attempts = [{ epoch: 7, at: 1, endedAt: 2, reason: { code: 'abort-no-good-replica' } as const }];
    const retried = record({ outcome: 'completed', to: '10.0.0.2:6379', durationMs: 12_000, attempts });
    expect(incidentAlert(retried, ctx).text).toBe(
      'New master: 10.0.0.2:6379 (was 10.0.0.1:6379) — failover took 12.0 s (after 1 aborted attempt).',
    );
    expect(incidentAlert(record({ phases: phases('sdown', 'odown'), attempts }), ctx)).toMatchObject({
      kind: 'master-odown',
      text: 'Master 10.0.0.1:6379 is still down: Sentinel gave its failover up (no replica is fit to be promoted (all down, disconnected, too far behind, or priority 0)) and will try again.',
    });
    // Issue #12: a session moved over at once (a manual failover) was "blocked for 0.0 s": say nothing.
    for (const writesBlockedMs of [0, 12, 49]) {
      const moved = record({ outcome: 'completed', to: '10.0.0.2:6379', durationMs: 1100, writesBlockedMs });
      expect(incidentAlert(moved, ctx).text).toBe(
        'New master: 10.0.0.2:6379 (was 10.0.0.1:6379) — failover took 1.1 s.',
      );
    }
    expect(incidentAlert(record({ outcome: 'aborted', reason: { code: 'abort-no-good-replica' } }), ctx).text).toBe(
      'Failover of "mymaster" aborted: no replica is fit to be promoted (all down, disconnected, too far behind, or priority 0).',
    );
    expect(
      incidentAlert(
        record({ outcome: 'no-quorum', reason: { code: 'quorum-above-sentinels', quorum: 4, sentinels: 3 } }),
        ctx,
      ).text,
    ).toBe(
      'Master 10.0.0.1:6379 is down (2 of 3 sentinels agree), and no failover is possible: its quorum is 4 but only 3 sentinels monitor it.',
    );
    expect(
      incidentAlert(record({ outcome: 'recovered', reason: { code: 'came-back', downForMs: 1500 } }), ctx),
    ).toMatchObject({
      kind: 'master-up',
      text: 'Master 10.0.0.1:6379 is back — The master came back after 1.5 s.',
    });
  });
});

const sentinel = (address: string, over: Partial<SentinelNode> = {}): SentinelNode => ({
  address,
  reachable: true,
  subscribed: true,
  flags: [],
  masterAddress: 'm:1',
  agrees: true,
  leader: false,
  configured: true,
  ...over,
});
const replica = (address: string, down: boolean): ReplicaNode => ({
  address,
  flags: parseFlags(down ? 'slave,s_down' : 'slave'),
  sentinelLinkStatus: 'up',
  reachable: !down,
});

/** Runs views through nodeAlerts and an AlertBook, as the watcher does; returns what was raised. */
function announce(views: NodeLists[], opts: { formerMasters?: string[]; connecting?: string[] } = {}): string[] {
  const raised: string[] = [];
  const book = new AlertBook('w', 'mymaster', (a) => raised.push(`${a.kind}: ${alertText(a.message)}`));
  const ctx = {
    announced: (key: string) => book.latest(key)?.kind,
    formerMasters: new Set(opts.formerMasters),
    connecting: new Set(opts.connecting),
  };
  views.forEach((v, i) => nodeAlerts(v, ctx).forEach((d) => book.raise(d, i, { onlyOnKindChange: true })));
  return raised;
}

describe('nodeAlerts', () => {
  const up = { replicas: [replica('r:1', false)], sentinels: [sentinel('s:1'), sentinel('s:2')] };
  const down = {
    replicas: [replica('r:1', true)],
    sentinels: [sentinel('s:1', { reachable: false, error: 'refused' }), sentinel('s:2', { flags: ['s_down'] })],
  };

  it('reports replicas and sentinels that go down, and back up', () => {
    expect(announce([up, down, down, up], { formerMasters: ['r:1'] })).toEqual([
      'replica-down: Replica r:1 (the former master) is down.',
      'sentinel-down: Sentinel s:1 is down: Redlens cannot reach it (refused).',
      'sentinel-down: Sentinel s:2 is down: the other sentinels cannot reach it.',
      'replica-up: Replica r:1 (the former master) is back up.',
      'sentinel-up: Sentinel s:1 is back up.',
      'sentinel-up: Sentinel s:2 is back up.',
    ]);
  });

  it('reports what is already down in the first view, and nothing for a healthy one', () => {
    expect(announce([{ replicas: [replica('r:1', true)], sentinels: [sentinel('s:1')] }])).toEqual([
      'replica-down: Replica r:1 is down.',
    ]);
    expect(announce([up, up])).toEqual([]);
  });

  // Bug: "Sentinel X is back up." right after opening a healthy deployment.
  it('says nothing of a sentinel still connecting, then up, when it was never announced down', () => {
    const connecting = { ...up, sentinels: [sentinel('s:1'), sentinel('s:2', { reachable: false })] };
    expect(announce([connecting, up], { connecting: ['s:2'] })).toEqual([]);
    // A sentinel unreachable from the first view counts as down once its first attempt failed.
    expect(announce([connecting, up])).toEqual([
      'sentinel-down: Sentinel s:2 is down: Redlens cannot reach it.',
      'sentinel-up: Sentinel s:2 is back up.',
    ]);
  });

  // Bug: "Replica X (the former master) is back up." right after X was killed. Replayed: the
  // patched view after +switch-master, then polls where the sentinels list X (disconnected,
  // not flagged s_down yet), then +sdown, then X restarted.
  it('announces a killed former master back up only once it really is', () => {
    const former = (flags: string, reachable: boolean): NodeLists => ({
      replicas: [replica('r:2', false), { ...replica('m:1', false), flags: parseFlags(flags), reachable }],
      sentinels: [sentinel('s:1')],
    });
    const formerMasters = ['m:1'];
    const views = [
      former('slave,disconnected', false),
      former('slave,disconnected', false),
      former('slave,s_down,disconnected', false),
    ];
    expect(announce(views, { formerMasters })).toEqual(['replica-down: Replica m:1 (the former master) is down.']);
    // Patched with s_down from the dead master, the sentinels' first listing does not undo it.
    const patched = [former('slave,s_down', false), former('slave,disconnected', false)];
    expect(announce(patched, { formerMasters })).toEqual(['replica-down: Replica m:1 (the former master) is down.']);
    expect(announce([...patched, former('slave', true)], { formerMasters }).at(-1)).toBe(
      'replica-up: Replica m:1 (the former master) is back up.',
    );
  });
});

const view = (over: Partial<SessionView>): SessionView => ({
  id: 's1',
  profileId: 'p',
  profileName: 'Prod',
  kind: 'sentinel',
  readOnly: false,
  db: 0,
  state: 'ready',
  address: 'a:1',
  ...over,
});

describe('sessionAlert', () => {
  it('follows a session through loss, no master and reconnection to the new master', () => {
    const ready = view({});
    const lost = view({ state: 'reconnecting', attempt: 1 });
    const none = view({ state: 'reconnecting', attempt: 2, noMaster: true });
    const moved = view({ address: 'b:2' });
    expect(sessionAlert(ready, lost, 'mymaster')?.text).toBe('Connection to master a:1 lost — reconnecting…');
    expect(sessionAlert(lost, none, 'mymaster')?.text).toBe(
      'No master found for "mymaster" — writes are blocked until the sentinels elect one.',
    );
    expect(sessionAlert(none, { ...none, attempt: 3 }, 'mymaster')).toBeUndefined();
    expect(sessionAlert(none, moved, 'mymaster')?.text).toBe('Reconnected to the new master b:2.');
    expect(sessionAlert(lost, ready, 'mymaster')?.text).toBe('Reconnected to master a:1.');
    expect(
      sessionAlert(none, view({ state: 'failed', error: { code: 'NO_MASTER', message: 'Gave up.' } }), 'mymaster')
        ?.text,
    ).toBe('Connection to "mymaster" failed: Gave up.');
  });

  // Issue #12: a replica session moving to another replica said "Reconnected to the new master".
  it('speaks of replicas for a session that browses a replica', () => {
    const ctx = { role: 'replica' as const };
    const lost = view({ state: 'reconnecting', attempt: 1 });
    expect(sessionAlert(view({}), lost, 'mymaster', ctx)?.text).toBe('Connection to replica a:1 lost — reconnecting…');
    expect(sessionAlert(lost, view({ address: 'b:2' }), 'mymaster', ctx)?.text).toBe('Reconnected to replica b:2.');
    expect(sessionAlert(lost, view({}), 'mymaster', ctx)?.text).toBe('Reconnected to replica a:1.');
    const failed = view({ state: 'failed', error: { code: 'NO_MASTER', message: 'Gave up.' } });
    expect(sessionAlert(lost, failed, 'mymaster', ctx)?.text).toBe(
      'Connection to a replica of "mymaster" failed: Gave up.',
    );
  });

  // Issue #12: during a no-quorum outage the banner promised an election that cannot happen.
  it('does not promise an election when no failover can happen', () => {
    const lost = view({ state: 'reconnecting', attempt: 1 });
    const none = view({ state: 'reconnecting', attempt: 2, noMaster: true });
    const text = sessionAlert(lost, none, 'mymaster', { noFailover: true })?.text;
    expect(text).toBe(
      'No master found for "mymaster" — writes are blocked until the master comes back: the sentinels cannot fail over.',
    );
    expect(text).not.toMatch(/elect/);
  });
});

describe('noFailoverReason', () => {
  const master = { quorum: 2, downAfterMs: 1000 } as Parameters<typeof noFailoverReason>[0]['master'];
  const three = [sentinel('s:1'), sentinel('s:2'), sentinel('s:3')];
  const base = { master, sentinels: three, majority: 2, record: record({}), sDownCount: 1, now: 500 };

  it('is silent while a failover can still happen', () => {
    expect(noFailoverReason(base)).toBeUndefined();
    expect(noFailoverReason({ ...base, sDownCount: 0, now: 60_000 })).toBeUndefined();
    expect(
      noFailoverReason({ ...base, record: record({ phases: phases('sdown', 'try-failover') }), now: 60_000 }),
    ).toBeUndefined();
  });

  it('explains an impossible quorum, a missing majority, or too few sentinels agreeing in time', () => {
    expect(noFailoverReason({ ...base, master: { ...master!, quorum: 4 } })).toBe(
      'its quorum is 4 but only 3 sentinels monitor it',
    );
    const twoDown = [sentinel('s:1'), sentinel('s:2', { reachable: false }), sentinel('s:3', { flags: ['s_down'] })];
    expect(noFailoverReason({ ...base, sentinels: twoDown })).toBe(
      'only 1 of 3 sentinels are up, and a failover needs a majority (2)',
    );
    expect(noFailoverReason({ ...base, now: 3_001 })).toBe('only 1 of the 2 sentinels needed see it down');
  });
});

describe('AlertBook', () => {
  it('keeps the latest alert per key, skips repeats and is bounded', () => {
    const pushed: TopologyAlert[] = [];
    const book = new AlertBook('w', 'mymaster', (a) => pushed.push(a));
    const draft = {
      key: 'replica:r',
      kind: 'replica-down' as const,
      severity: 'warning' as const,
      message: { code: 'replica-down', address: 'r', formerMaster: false } as const,
      transient: false,
    };
    const up = { code: 'replica-up', address: 'r', formerMaster: false } as const;
    book.raise(draft, 1);
    book.raise({ ...draft, message: { ...draft.message } }, 2);
    book.raise({ ...draft, message: { ...draft.message, formerMaster: true } }, 3, { onlyOnKindChange: true });
    book.raise({ ...draft, kind: 'replica-up', severity: 'success', message: up }, 4);
    expect(pushed.map((a) => a.message)).toEqual([draft.message, up]);
    expect(book.list()).toHaveLength(1);
    expect(pushed[1]).toMatchObject({ watchId: 'w', masterName: 'mymaster', at: 4 });
    for (let i = 0; i < 80; i++) book.raise({ ...draft, key: `k${i}` }, i);
    expect(book.list()).toHaveLength(50);
  });
});
