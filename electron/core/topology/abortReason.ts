import type { FailoverReason } from '../../../shared/api/topologyMessages';

const ABORTS: Record<string, FailoverReason> = {
  '-failover-abort-not-elected': { code: 'abort-not-elected' },
  '-failover-abort-no-good-slave': { code: 'abort-no-good-replica' },
  '-failover-abort-slave-timeout': { code: 'abort-replica-timeout' },
  '-failover-abort-master-is-back': { code: 'abort-master-back' },
};

/** Why Sentinel gave a failover up, from the `-failover-abort-*` channel, as a code. */
export function abortReason(channel: string): FailoverReason {
  return ABORTS[channel] ?? { code: 'abort-other', channel };
}
