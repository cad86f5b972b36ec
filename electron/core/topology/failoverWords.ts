/** Why Sentinel gave a failover up, from the `-failover-abort-*` channel, in words. */
export function abortReason(channel: string): string {
  switch (channel) {
    case '-failover-abort-not-elected':
      return 'no leader was elected: the sentinels could not reach a majority of votes';
    case '-failover-abort-no-good-slave':
      return 'no replica is fit to be promoted (all down, disconnected, too far behind, or priority 0)';
    case '-failover-abort-slave-timeout':
      return 'the selected replica did not turn into a master in time';
    case '-failover-abort-master-is-back':
      return 'the master came back before a replica was promoted';
    default:
      return channel.replace(/^-failover-abort-/, '').replace(/-/g, ' ');
  }
}

/** `4213` → `4.2 s`. */
export const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
