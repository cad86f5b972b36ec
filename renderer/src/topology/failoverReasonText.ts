import type { FailoverReason } from '../../../shared/api/topologyMessages';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `4213` → `4.2 s` (banners and reasons round to a tenth). */
export const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/**
 * Why an incident ended as it did, in words (the timeline's reason line, and inside banners).
 * Sentinel's own reasons read as a clause ("no leader was elected…"); Redlens's findings of a
 * poll or the clock as a sentence.
 */
export function failoverReasonText(reason: FailoverReason): string {
  switch (reason.code) {
    case 'abort-not-elected':
      return 'no leader was elected: the sentinels could not reach a majority of votes';
    case 'abort-no-good-replica':
      return 'no replica is fit to be promoted (all down, disconnected, too far behind, or priority 0)';
    case 'abort-replica-timeout':
      return 'the selected replica did not turn into a master in time';
    case 'abort-master-back':
      return 'the master came back before a replica was promoted';
    case 'abort-other':
      return reason.channel.replace(/^-failover-abort-/, '').replace(/-/g, ' ');
    case 'reconfig-timeout':
      return 'Not every replica was reconfigured within the failover timeout.';
    case 'no-new-master':
      return 'The failover stopped without electing a new master.';
    case 'switch-seen-by-polling':
      return 'Seen by polling: the sentinel events were missed.';
    case 'came-back': {
      const before = reason.noFailover ? ` No failover was possible (${failoverReasonText(reason.noFailover)}).` : '';
      return `The master came back after ${seconds(reason.downForMs)}.${before}`;
    }
    case 'quorum-above-sentinels':
      return `its quorum is ${reason.quorum} but only ${plural(reason.sentinels, 'sentinel')} monitor it`;
    case 'majority-down':
      return `only ${reason.up} of ${plural(reason.sentinels, 'sentinel')} are up, and a failover needs a majority (${reason.majority})`;
    case 'too-few-agree':
      return `only ${reason.down} of the ${reason.quorum} sentinels needed see it down`;
  }
}
