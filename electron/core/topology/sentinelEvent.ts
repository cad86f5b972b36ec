import type { InstanceRole } from '../../../shared/api/topology';
import { formatAddress } from '../redis/nodeErrors';

/** A sentinel pub/sub message, parsed (before de-duplication across sentinels). */
export interface ParsedSentinelEvent {
  channel: string;
  message: string;
  instance?: { role: InstanceRole; name: string; address: string };
  master?: { name: string; address: string };
  switch?: { from: string; to: string };
  epoch?: number;
  leaderRunId?: string;
  /** What follows the instance, e.g. `#quorum 2/3` or `new reported role is master`. */
  detail?: string;
}

const ROLES: Record<string, InstanceRole> = { master: 'master', slave: 'replica', sentinel: 'sentinel' };

const address = (ip: string | undefined, port: string | undefined): string =>
  formatAddress(ip ?? '', Number(port ?? 0));

const toEpoch = (text: string | undefined): number | undefined => {
  const n = Number(text);
  return text !== undefined && Number.isSafeInteger(n) ? n : undefined;
};

/**
 * Sentinel's `%@` form: `<type> <name> <ip> <port>` and, for a replica or sentinel,
 * `@ <master-name> <master-ip> <master-port>`; anything after is the detail.
 */
function parseInstance(event: ParsedSentinelEvent, words: string[]): ParsedSentinelEvent {
  const [type, name, ip, port, ...rest] = words;
  const role = ROLES[type ?? ''];
  if (!role || name === undefined || port === undefined) return { ...event, detail: event.message };
  const instance = { role, name, address: address(ip, port) };
  let master = role === 'master' ? { name, address: instance.address } : undefined;
  let tail = rest;
  if (rest[0] === '@' && rest.length >= 4) {
    master = { name: rest[1]!, address: address(rest[2], rest[3]) };
    tail = rest.slice(4);
  }
  const detail = tail.join(' ');
  return { ...event, instance, ...(master && { master }), ...(detail && { detail }) };
}

/** Parses one message of Sentinel's event channels (`PSUBSCRIBE *`). Never throws. */
export function parseSentinelEvent(channel: string, message: string): ParsedSentinelEvent {
  const event: ParsedSentinelEvent = { channel, message };
  const words = message.trim().split(/\s+/).filter(Boolean);
  switch (channel) {
    case '+switch-master': {
      const [name = '', oldIp, oldPort, newIp, newPort] = words;
      const from = address(oldIp, oldPort);
      const to = address(newIp, newPort);
      return { ...event, master: { name, address: to }, switch: { from, to } };
    }
    case '+new-epoch':
      return { ...event, epoch: toEpoch(words[0]) };
    case '+vote-for-leader':
      return { ...event, leaderRunId: words[0], epoch: toEpoch(words[1]) };
    case '+tilt':
    case '-tilt':
      return { ...event, detail: message };
    default:
      return parseInstance(event, words);
  }
}

/** `+odown` carries `#quorum 2/3`, which differs between sentinels for the same event. */
const VARYING_DETAIL = /#quorum \d+\/\d+/g;

/** Two sentinels publishing the same fact produce the same key. */
export const dedupKey = (event: ParsedSentinelEvent): string =>
  `${event.channel} ${event.message.replace(VARYING_DETAIL, '').trim()}`;

/** `#quorum 2/3` → { agree: 2, quorum: 3 }. */
export function quorumOf(detail: string | undefined): { agree: number; quorum: number } | undefined {
  const m = /#quorum (\d+)\/(\d+)/.exec(detail ?? '');
  return m ? { agree: Number(m[1]), quorum: Number(m[2]) } : undefined;
}
