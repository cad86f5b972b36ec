import type { FailoverBlocked, TopologyAlertMessage } from '../../../shared/api/topologyMessages';
import { failoverReasonText, seconds } from './failoverReasonText';

type Message<C extends TopologyAlertMessage['code']> = Extract<TopologyAlertMessage, { code: C }>;

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
const reasonOr = (reason: Parameters<typeof failoverReasonText>[0] | undefined, otherwise: string) =>
  reason ? failoverReasonText(reason) : otherwise;
const leads = (leader: string | undefined) => (leader ? `sentinel ${leader} leads` : 'electing a leader');
const at = (address: string | undefined) => (address ? ` ${address}` : '');

/**
 * The sentinels' failover time, and how long writes were blocked here when known: they differ.
 * A session that moved over at once (under 0.05 s) was not blocked in any sense worth saying.
 */
function completed(m: Message<'failover-completed'>): string {
  const blocked = m.writesBlockedMs;
  const parts = [
    m.durationMs !== undefined && `failover took ${seconds(m.durationMs)}`,
    blocked !== undefined && seconds(blocked) !== seconds(0) && `writes were blocked for ${seconds(blocked)}`,
  ].filter(Boolean);
  const took = parts.length ? ` — ${parts.join('; ')}` : '';
  const n = m.abortedAttempts;
  const retried = n ? ` (after ${n} aborted attempt${n > 1 ? 's' : ''})` : '';
  return `New master: ${m.to} (was ${m.from})${took}${retried}.`;
}

function impossible(m: Message<'failover-impossible'>): string {
  const b: FailoverBlocked = m.blocked;
  const why =
    b.code === 'noquorum'
      ? `the sentinels report no quorum (${b.usable === undefined ? 'too few' : plural(b.usable, 'usable sentinel')}` +
        `, a failover needs ${b.quorum ? `a quorum of ${b.quorum} and ` : ''}a majority of ${b.majority})`
      : `only ${b.reachable} of ${plural(b.sentinels, 'sentinel')} answer, and a failover needs a majority (${b.majority})`;
  return `If the master of "${m.masterName}" fails now, no failover can happen: ${why}.`;
}

/** A banner in words, from core's code and facts (shared/api/topologyMessages.ts). */
export function alertText(m: TopologyAlertMessage): string {
  switch (m.code) {
    case 'master-sdown':
      return `Master ${m.master} is subjectively down: ${m.sDownCount} of ${m.sentinels} sentinels cannot reach it (quorum ${m.quorum}).`;
    case 'master-odown':
      return `Master ${m.master} is objectively down: the quorum of ${m.quorum} sentinels agrees — failover starting.`;
    case 'master-still-down':
      return `Master ${m.master} is still down: Sentinel gave its failover up (${reasonOr(m.gaveUp, 'aborted')}) and will try again.`;
    case 'failover-started':
      return `${m.manual ? 'Manual failover' : 'Failover'} of "${m.masterName}" in progress (${leads(m.leader)}${m.epoch === undefined ? '' : `, epoch ${m.epoch}`}).`;
    case 'failover-progress':
      return `Failover of "${m.masterName}" in progress: ${leads(m.leader)}${m.selectedReplica ? `, promoting replica ${m.selectedReplica}` : ''}${m.promoted ? ' (promoted, switching clients over)' : ''}.`;
    case 'failover-completed':
      return completed(m);
    case 'failover-aborted':
      return `Failover of "${m.masterName}" aborted: ${reasonOr(m.reason, 'no reason given')}.`;
    case 'failover-timeout':
      return `Failover of "${m.masterName}" did not complete: ${reasonOr(m.reason, 'it timed out')}`;
    case 'no-failover':
      return `Master ${m.master} is down (${m.sDownCount} of ${m.sentinels} sentinels agree), and no failover is possible: ${reasonOr(m.reason, 'no reason given')}.`;
    case 'master-back':
      return `Master ${m.master} is back — ${reasonOr(m.reason, '')}`;
    case 'failover-impossible':
      return impossible(m);
    case 'failover-possible':
      return `A failover of "${m.masterName}" is possible again: the sentinels can reach their quorum and a majority.`;
    case 'replica-down':
      return `Replica ${m.address}${m.formerMaster ? ' (the former master)' : ''} is down.`;
    case 'replica-up':
      return `Replica ${m.address}${m.formerMaster ? ' (the former master)' : ''} is back up.`;
    case 'sentinel-down': {
      const why =
        m.seenBy === 'sentinels'
          ? 'the other sentinels cannot reach it'
          : `Redlens cannot reach it${m.error ? ` (${m.error})` : ''}`;
      return `Sentinel ${m.address} is down: ${why}.`;
    }
    case 'sentinel-up':
      return `Sentinel ${m.address} is back up.`;
    case 'tilt-entered':
      return `Sentinel ${m.sentinel} entered TILT mode (its clock jumped or it was blocked): it will not take part in failovers for at least 30 s.`;
    case 'tilt-left':
      return `Sentinel ${m.sentinel} left TILT mode.`;
    case 'connection-lost':
      return `Connection to ${m.node}${at(m.address)} lost — reconnecting…`;
    case 'connection-failed':
      return `Connection to ${m.replica ? 'a replica of ' : ''}"${m.masterName}" failed: ${m.error ?? 'gave up reconnecting'}`;
    case 'no-master': {
      const until = m.noFailover
        ? 'until the master comes back: the sentinels cannot fail over'
        : 'until the sentinels elect one';
      return `No master found for "${m.masterName}" — writes are blocked ${until}.`;
    }
    case 'reconnected':
      return m.newMaster
        ? `Reconnected to the new master${at(m.address)}.`
        : `Reconnected to ${m.node}${at(m.address)}.`;
  }
}
