import type { InstanceFlags, TopologyEvent } from '../../../shared/api/topology';
import { healthOf, type BuiltTopology } from './snapshotBuilder';

const withFlag = (flags: InstanceFlags, flag: 's_down' | 'o_down', on: boolean): InstanceFlags => {
  const raw = on ? [...new Set([...flags.raw, flag])] : flags.raw.filter((f) => f !== flag);
  return { ...flags, raw, ...(flag === 's_down' ? { sDown: on } : { oDown: on }) };
};

const CLEAR: InstanceFlags = {
  sDown: false,
  oDown: false,
  disconnected: false,
  failoverInProgress: false,
  promoted: false,
  raw: ['master'],
};

/**
 * Applies what an event says to the last polled view, so the snapshot changes the moment the
 * event arrives; the next poll confirms or corrects it. Returns undefined when the event
 * changes nothing shown.
 */
export function patchTopology(t: BuiltTopology, event: TopologyEvent): BuiltTopology | undefined {
  const on = event.channel.startsWith('+');
  const reporter = event.reportedBy.at(-1) ?? '';
  const instance = event.instance;
  let next: BuiltTopology | undefined;
  if (event.channel === '+switch-master' && event.switch && t.master) {
    const { from, to } = event.switch;
    next = {
      ...t,
      master: t.master.address === to ? t.master : promoted(t, to),
      replicas: t.replicas.filter((r) => r.address !== to),
      sentinels: t.sentinels.map((s) =>
        event.reportedBy.includes(s.address)
          ? { ...s, masterAddress: to, agrees: true }
          : { ...s, agrees: s.masterAddress === to },
      ),
    };
    if (!next.replicas.some((r) => r.address === from)) {
      const old = t.master.flags.sDown
        ? withFlag({ ...CLEAR, raw: ['slave'] }, 's_down', true)
        : { ...CLEAR, raw: ['slave'] };
      next.replicas = [
        ...next.replicas,
        { address: from, flags: old, sentinelLinkStatus: 'unknown', reachable: false },
      ];
    }
  } else if ((event.channel === '+sdown' || event.channel === '-sdown') && instance) {
    next = sdown(t, instance.role, instance.address, on, reporter);
  } else if ((event.channel === '+odown' || event.channel === '-odown') && instance?.role === 'master' && t.master) {
    if (t.master.address !== instance.address) return undefined;
    next = { ...t, master: { ...t.master, flags: withFlag(t.master.flags, 'o_down', on) } };
  }
  return next && { ...next, health: healthOf(next, next.sentinels.filter((s) => s.reachable).length) };
}

/**
 * The master card once `to` is announced: what Redlens last knew of that node (reachable, or
 * why not) — nothing of the old master's state, its INFO or its error. (A copy of the switch
 * from another sentinel, or a late one, changes nothing when `to` already is the master.)
 */
function promoted(t: BuiltTopology, to: string): NonNullable<BuiltTopology['master']> {
  const { replication: _replication, error: _error, ...master } = t.master!;
  const replica = t.replicas.find((r) => r.address === to);
  return {
    ...master,
    address: to,
    flags: CLEAR,
    sDownBy: [],
    reachable: replica?.reachable ?? true,
    ...(replica?.error && { error: replica.error }),
  };
}

function sdown(
  t: BuiltTopology,
  role: string,
  address: string,
  on: boolean,
  reporter: string,
): BuiltTopology | undefined {
  if (role === 'master') {
    if (!t.master || t.master.address !== address) return undefined;
    const others = t.master.sDownBy.filter((s) => s !== reporter);
    const sDownBy = on ? [...others, reporter] : others;
    return { ...t, master: { ...t.master, sDownBy, flags: withFlag(t.master.flags, 's_down', sDownBy.length > 0) } };
  }
  if (role === 'replica') {
    if (!t.replicas.some((r) => r.address === address)) return undefined;
    return {
      ...t,
      replicas: t.replicas.map((r) => (r.address === address ? { ...r, flags: withFlag(r.flags, 's_down', on) } : r)),
    };
  }
  if (!t.sentinels.some((s) => s.address === address)) return undefined;
  return {
    ...t,
    sentinels: t.sentinels.map((s) => {
      if (s.address !== address) return s;
      const flags = on ? [...new Set([...s.flags, 's_down'])] : s.flags.filter((f) => f !== 's_down');
      return { ...s, flags };
    }),
  };
}
