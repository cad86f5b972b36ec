import type { FailoverRecord, TopologyEvent } from '../../../shared/api/topology';

/** How long after its end an incident still owns the late events of its demoted master. */
export const LATE_EVENT_MS = 30_000;

/**
 * A master reported down again this soon after it recovered — in the same epoch, by a sentinel
 * that had not reported it back yet — is the same outage: sentinels notice at different times.
 */
export const FLAP_MERGE_MS = 10_000;

export const justRecovered = (r: FailoverRecord | undefined, from: string, at: number): r is FailoverRecord =>
  r?.outcome === 'recovered' && r.from === from && at - (r.endedAt ?? 0) <= FLAP_MERGE_MS;

/**
 * Events about a former master rejoining as a replica of the new one. They can arrive well
 * after the failover ended — after the next one started, even — and still belong to it.
 */
const REJOIN = new Set(['+role-change', '+convert-to-slave', '+slave']);

/**
 * The incident (timeline group) an event belongs to, newest records last in `records`:
 * 1. an event about X "@ master M" of the rejoining kind → the latest failover X → M, while
 *    it runs or within LATE_EVENT_MS of its end;
 * 2. `+config-update-from` naming the old master of the latest switch → that switch;
 * 3. an event that carries an epoch → the failover of that epoch, if there is one;
 * 4. otherwise the incident unfolding now, or the last one until it ends.
 */
export function incidentOwner(
  event: TopologyEvent,
  open: FailoverRecord | undefined,
  records: readonly FailoverRecord[],
): FailoverRecord | undefined {
  const instance = event.instance?.address;
  if (REJOIN.has(event.channel) && instance && event.master) {
    const owner = records.findLast((r) => r.from === instance && r.to === event.master!.address);
    if (owner && (owner.endedAt === undefined || event.at - owner.endedAt <= LATE_EVENT_MS)) return owner;
  }
  // A sentinel learning the new configuration (it names the master it had) after the switch
  // was recorded: it belongs to that switch.
  if (event.channel === '+config-update-from' && event.master) {
    const lastSwitch = records.findLast((r) => r.to !== undefined);
    if (lastSwitch?.from === event.master.address) return lastSwitch;
  }
  if (event.epoch !== undefined) {
    const owner = records.findLast((r) => r.epoch === event.epoch);
    if (owner) return owner;
  }
  const current = open ?? records.at(-1);
  if (!current || (current.endedAt !== undefined && event.at > current.endedAt)) return undefined;
  // A newer epoch announces the next failover, not more of this one.
  if (event.epoch !== undefined && current.epoch !== undefined && event.epoch > current.epoch) return undefined;
  return current;
}
