import { describe, expect, it } from 'vitest';
import type { TopologyAlertCode, TopologyAlertMessage } from '../../../shared/api/topologyMessages';
import { alertText } from './alertText';

const M = '10.0.0.1:6379';
const R = '10.0.0.2:6379';
const S = '10.0.0.9:26379';
const noGoodReplica = { code: 'abort-no-good-replica' } as const;

/** Every code (the Record makes a new code without words a compile error), with its words. */
const CASES: Record<TopologyAlertCode, [TopologyAlertMessage, string][]> = {
  'master-sdown': [
    [
      { code: 'master-sdown', master: M, sDownCount: 2, sentinels: 3, quorum: 2 },
      'Master 10.0.0.1:6379 is subjectively down: 2 of 3 sentinels cannot reach it (quorum 2).',
    ],
  ],
  'master-odown': [
    [
      { code: 'master-odown', master: M, quorum: 2 },
      'Master 10.0.0.1:6379 is objectively down: the quorum of 2 sentinels agrees — failover starting.',
    ],
  ],
  'master-still-down': [
    [
      { code: 'master-still-down', master: M, gaveUp: { code: 'abort-not-elected' } },
      'Master 10.0.0.1:6379 is still down: Sentinel gave its failover up (no leader was elected: the sentinels could not reach a majority of votes) and will try again.',
    ],
    [
      { code: 'master-still-down', master: M },
      'Master 10.0.0.1:6379 is still down: Sentinel gave its failover up (aborted) and will try again.',
    ],
  ],
  'failover-started': [
    [
      { code: 'failover-started', masterName: 'mymaster', manual: true, epoch: 4 },
      'Manual failover of "mymaster" in progress (electing a leader, epoch 4).',
    ],
    [
      { code: 'failover-started', masterName: 'mymaster', manual: false, leader: S },
      'Failover of "mymaster" in progress (sentinel 10.0.0.9:26379 leads).',
    ],
  ],
  'failover-progress': [
    [
      { code: 'failover-progress', masterName: 'mymaster', leader: S, selectedReplica: R, promoted: false },
      'Failover of "mymaster" in progress: sentinel 10.0.0.9:26379 leads, promoting replica 10.0.0.2:6379.',
    ],
    [
      { code: 'failover-progress', masterName: 'mymaster', promoted: true },
      'Failover of "mymaster" in progress: electing a leader (promoted, switching clients over).',
    ],
  ],
  'failover-completed': [
    [
      { code: 'failover-completed', from: M, to: R, durationMs: 4213, abortedAttempts: 0 },
      'New master: 10.0.0.2:6379 (was 10.0.0.1:6379) — failover took 4.2 s.',
    ],
    [
      { code: 'failover-completed', from: M, to: R, durationMs: 800, writesBlockedMs: 4600, abortedAttempts: 0 },
      'New master: 10.0.0.2:6379 (was 10.0.0.1:6379) — failover took 0.8 s; writes were blocked for 4.6 s.',
    ],
    // Moved over at once: "blocked for 0.0 s" would say nothing.
    [
      { code: 'failover-completed', from: M, to: R, durationMs: 1100, writesBlockedMs: 49, abortedAttempts: 0 },
      'New master: 10.0.0.2:6379 (was 10.0.0.1:6379) — failover took 1.1 s.',
    ],
    [
      { code: 'failover-completed', from: M, to: R, durationMs: 12_000, abortedAttempts: 1 },
      'New master: 10.0.0.2:6379 (was 10.0.0.1:6379) — failover took 12.0 s (after 1 aborted attempt).',
    ],
    [
      { code: 'failover-completed', from: M, to: R, abortedAttempts: 2 },
      'New master: 10.0.0.2:6379 (was 10.0.0.1:6379) (after 2 aborted attempts).',
    ],
  ],
  'failover-aborted': [
    [
      { code: 'failover-aborted', masterName: 'mymaster', reason: noGoodReplica },
      'Failover of "mymaster" aborted: no replica is fit to be promoted (all down, disconnected, too far behind, or priority 0).',
    ],
  ],
  'failover-timeout': [
    [
      { code: 'failover-timeout', masterName: 'mymaster', reason: { code: 'no-new-master' } },
      'Failover of "mymaster" did not complete: The failover stopped without electing a new master.',
    ],
    [{ code: 'failover-timeout', masterName: 'mymaster' }, 'Failover of "mymaster" did not complete: it timed out'],
  ],
  'no-failover': [
    [
      {
        code: 'no-failover',
        master: M,
        sDownCount: 2,
        sentinels: 3,
        reason: { code: 'quorum-above-sentinels', quorum: 4, sentinels: 3 },
      },
      'Master 10.0.0.1:6379 is down (2 of 3 sentinels agree), and no failover is possible: its quorum is 4 but only 3 sentinels monitor it.',
    ],
  ],
  'master-back': [
    [
      { code: 'master-back', master: M, reason: { code: 'came-back', downForMs: 1500 } },
      'Master 10.0.0.1:6379 is back — The master came back after 1.5 s.',
    ],
  ],
  'failover-impossible': [
    [
      {
        code: 'failover-impossible',
        masterName: 'mymaster',
        blocked: { code: 'noquorum', usable: 1, reachable: 1, sentinels: 3, majority: 2, quorum: 2 },
      },
      'If the master of "mymaster" fails now, no failover can happen: the sentinels report no quorum (1 usable sentinel, a failover needs a quorum of 2 and a majority of 2).',
    ],
    [
      {
        code: 'failover-impossible',
        masterName: 'mymaster',
        blocked: { code: 'noquorum', reachable: 2, sentinels: 3, majority: 2 },
      },
      'If the master of "mymaster" fails now, no failover can happen: the sentinels report no quorum (too few, a failover needs a majority of 2).',
    ],
    [
      {
        code: 'failover-impossible',
        masterName: 'mymaster',
        blocked: { code: 'majority-unreachable', reachable: 1, sentinels: 3, majority: 2 },
      },
      'If the master of "mymaster" fails now, no failover can happen: only 1 of 3 sentinels answer, and a failover needs a majority (2).',
    ],
  ],
  'failover-possible': [
    [
      { code: 'failover-possible', masterName: 'mymaster' },
      'A failover of "mymaster" is possible again: the sentinels can reach their quorum and a majority.',
    ],
  ],
  'replica-down': [
    [{ code: 'replica-down', address: R, formerMaster: false }, 'Replica 10.0.0.2:6379 is down.'],
    [{ code: 'replica-down', address: M, formerMaster: true }, 'Replica 10.0.0.1:6379 (the former master) is down.'],
  ],
  'replica-up': [
    [{ code: 'replica-up', address: R, formerMaster: false }, 'Replica 10.0.0.2:6379 is back up.'],
    [{ code: 'replica-up', address: M, formerMaster: true }, 'Replica 10.0.0.1:6379 (the former master) is back up.'],
  ],
  'sentinel-down': [
    [
      { code: 'sentinel-down', address: S, seenBy: 'sentinels' },
      'Sentinel 10.0.0.9:26379 is down: the other sentinels cannot reach it.',
    ],
    [
      { code: 'sentinel-down', address: S, seenBy: 'redlens', error: 'Connection refused' },
      'Sentinel 10.0.0.9:26379 is down: Redlens cannot reach it (Connection refused).',
    ],
    [
      { code: 'sentinel-down', address: S, seenBy: 'redlens' },
      'Sentinel 10.0.0.9:26379 is down: Redlens cannot reach it.',
    ],
  ],
  'sentinel-up': [[{ code: 'sentinel-up', address: S }, 'Sentinel 10.0.0.9:26379 is back up.']],
  'tilt-entered': [
    [
      { code: 'tilt-entered', sentinel: S },
      'Sentinel 10.0.0.9:26379 entered TILT mode (its clock jumped or it was blocked): it will not take part in failovers for at least 30 s.',
    ],
  ],
  'tilt-left': [[{ code: 'tilt-left', sentinel: S }, 'Sentinel 10.0.0.9:26379 left TILT mode.']],
  'connection-lost': [
    [{ code: 'connection-lost', node: 'master', address: 'a:1' }, 'Connection to master a:1 lost — reconnecting…'],
    [{ code: 'connection-lost', node: 'replica' }, 'Connection to replica lost — reconnecting…'],
  ],
  'connection-failed': [
    [
      { code: 'connection-failed', masterName: 'mymaster', replica: false, error: 'Gave up.' },
      'Connection to "mymaster" failed: Gave up.',
    ],
    [
      { code: 'connection-failed', masterName: 'mymaster', replica: true },
      'Connection to a replica of "mymaster" failed: gave up reconnecting',
    ],
  ],
  'no-master': [
    [
      { code: 'no-master', masterName: 'mymaster', noFailover: false },
      'No master found for "mymaster" — writes are blocked until the sentinels elect one.',
    ],
    [
      { code: 'no-master', masterName: 'mymaster', noFailover: true },
      'No master found for "mymaster" — writes are blocked until the master comes back: the sentinels cannot fail over.',
    ],
  ],
  reconnected: [
    [{ code: 'reconnected', node: 'master', address: 'b:2', newMaster: true }, 'Reconnected to the new master b:2.'],
    [{ code: 'reconnected', node: 'master', address: 'a:1', newMaster: false }, 'Reconnected to master a:1.'],
    [{ code: 'reconnected', node: 'replica', address: 'b:2', newMaster: false }, 'Reconnected to replica b:2.'],
  ],
};

describe('alertText', () => {
  for (const [code, cases] of Object.entries(CASES)) {
    it(`words ${code}`, () => {
      for (const [message, words] of cases) expect(alertText(message)).toBe(words);
    });
  }
});
