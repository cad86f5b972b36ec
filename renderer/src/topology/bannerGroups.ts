import type { AlertSeverity, FailoverRecord, TopologyAlert } from '../../../shared/api/topology';

/**
 * Banners as lines: one per incident. An incident's own banner (core's `incident:<failover>`)
 * heads its line; the banners a failover causes — this session's connection, the former master
 * down — join it as "+n" when they are about a node the failover moved away from or to. What
 * belongs to no incident collapses by subject: sentinels, replicas, this session, the quorum.
 */
export interface BannerGroup {
  /** Stable while the group lives: `incident:<failoverId>` or the subject kind. */
  key: string;
  /** The line's banner: the incident's own, else the most severe, newest. */
  head: TopologyAlert;
  /** The others, newest first (shown when the line is expanded). */
  rest: TopologyAlert[];
  /** Its newest banner's time: lines are ordered by it, newest first. */
  at: number;
}

/**
 * How long before an incident's start a banner about one of its nodes still belongs to it: a
 * session loses a crashed master before the sentinels flag it down (down-after, 30 s by default).
 */
export const INCIDENT_LEAD_MS = 60_000;

/** Graver is higher. */
export const SEVERITY_RANK: Record<AlertSeverity, number> = { error: 3, warning: 2, success: 1, info: 0 };
const FAMILY: Record<string, string> = { sentinel: 'sentinels', tilt: 'sentinels', replica: 'replicas' };

const family = (alert: TopologyAlert) => {
  const prefix = alert.key.split(':')[0] ?? alert.key;
  return FAMILY[prefix] ?? prefix;
};

const headFirst = (a: TopologyAlert, b: TopologyAlert) =>
  SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || b.at - a.at;

export function groupBanners(alerts: readonly TopologyAlert[], failovers: readonly FailoverRecord[]): BannerGroup[] {
  const records = new Map(failovers.map((f) => [f.id, f]));
  const incidents = new Map<string, { head: TopologyAlert; nodes: Set<string>; startedAt: number }>();
  for (const a of alerts) {
    if (!a.failoverId) continue;
    const record = records.get(a.failoverId);
    const nodes = new Set([record?.from, record?.to, a.address].filter((n): n is string => !!n));
    const known = incidents.get(a.failoverId);
    // One banner per incident key; should two come, the newer heads.
    if (!known || known.head.at < a.at)
      incidents.set(a.failoverId, { head: a, nodes, startedAt: record?.startedAt ?? a.at });
  }
  const members = new Map<string, TopologyAlert[]>();
  const join = (key: string, alert: TopologyAlert) => members.set(key, [...(members.get(key) ?? []), alert]);
  for (const a of alerts) {
    if (a.failoverId) {
      if (incidents.get(a.failoverId)?.head !== a) join(`incident:${a.failoverId}`, a);
      continue;
    }
    // The latest incident about this node that had started (or was about to) when it came.
    let owner: string | undefined;
    let ownerStart = -Infinity;
    for (const [id, incident] of incidents) {
      if (!a.address || !incident.nodes.has(a.address)) continue;
      if (incident.startedAt > a.at + INCIDENT_LEAD_MS || incident.startedAt < ownerStart) continue;
      owner = id;
      ownerStart = incident.startedAt;
    }
    join(owner ? `incident:${owner}` : family(a), a);
  }

  const groups: BannerGroup[] = [];
  for (const [id, incident] of incidents) {
    const rest = (members.get(`incident:${id}`) ?? []).sort((a, b) => b.at - a.at);
    members.delete(`incident:${id}`);
    groups.push({
      key: `incident:${id}`,
      head: incident.head,
      rest,
      at: Math.max(incident.head.at, ...rest.map((a) => a.at)),
    });
  }
  for (const [key, list] of members) {
    const [head, ...others] = [...list].sort(headFirst);
    groups.push({ key, head: head!, rest: others.sort((a, b) => b.at - a.at), at: Math.max(...list.map((a) => a.at)) });
  }
  return groups.sort((a, b) => b.at - a.at);
}
