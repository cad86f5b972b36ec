import { describe, expect, it } from 'vitest';
import type { FailoverReason, FailoverReasonCode } from '../../../shared/api/topologyMessages';
import { failoverReasonText } from './failoverReasonText';

/** Every code (the Record makes a new code without words a compile error), with its words. */
const CASES: Record<FailoverReasonCode, [FailoverReason, string][]> = {
  'abort-not-elected': [
    [{ code: 'abort-not-elected' }, 'no leader was elected: the sentinels could not reach a majority of votes'],
  ],
  'abort-no-good-replica': [
    [
      { code: 'abort-no-good-replica' },
      'no replica is fit to be promoted (all down, disconnected, too far behind, or priority 0)',
    ],
  ],
  'abort-replica-timeout': [
    [{ code: 'abort-replica-timeout' }, 'the selected replica did not turn into a master in time'],
  ],
  'abort-master-back': [[{ code: 'abort-master-back' }, 'the master came back before a replica was promoted']],
  'abort-other': [[{ code: 'abort-other', channel: '-failover-abort-some-new-reason' }, 'some new reason']],
  'reconfig-timeout': [
    [{ code: 'reconfig-timeout' }, 'Not every replica was reconfigured within the failover timeout.'],
  ],
  'no-new-master': [[{ code: 'no-new-master' }, 'The failover stopped without electing a new master.']],
  'switch-seen-by-polling': [[{ code: 'switch-seen-by-polling' }, 'Seen by polling: the sentinel events were missed.']],
  'came-back': [
    [{ code: 'came-back', downForMs: 1500 }, 'The master came back after 1.5 s.'],
    [
      { code: 'came-back', downForMs: 6040, noFailover: { code: 'quorum-above-sentinels', quorum: 4, sentinels: 3 } },
      'The master came back after 6.0 s. No failover was possible (its quorum is 4 but only 3 sentinels monitor it).',
    ],
  ],
  'quorum-above-sentinels': [
    [{ code: 'quorum-above-sentinels', quorum: 4, sentinels: 3 }, 'its quorum is 4 but only 3 sentinels monitor it'],
    [{ code: 'quorum-above-sentinels', quorum: 2, sentinels: 1 }, 'its quorum is 2 but only 1 sentinel monitor it'],
  ],
  'majority-down': [
    [
      { code: 'majority-down', up: 1, sentinels: 3, majority: 2 },
      'only 1 of 3 sentinels are up, and a failover needs a majority (2)',
    ],
  ],
  'too-few-agree': [[{ code: 'too-few-agree', down: 1, quorum: 2 }, 'only 1 of the 2 sentinels needed see it down']],
};

describe('failoverReasonText', () => {
  for (const [code, cases] of Object.entries(CASES)) {
    it(`words ${code}`, () => {
      for (const [reason, words] of cases) expect(failoverReasonText(reason)).toBe(words);
    });
  }
});
