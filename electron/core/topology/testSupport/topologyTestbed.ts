// Helpers for the topology integration tests: real Sentinel deployments from the harness, the
// real session manager and topology service on one event bus, and a record of every push.
import type {
  FailoverRecord,
  TopologyAlert,
  TopologyAlertKind,
  TopologyEvent,
  TopologySnapshot,
} from '../../../../shared/api/topology';
import { waitFor, type SentinelTopology } from '../../localRedis/testSupport';
import { sentinelProfile, sessionTestbed } from '../../sessions/testSupport/sessionTestbed';
import { createTopologyService } from '../topologyService';

export const address = (node: { host: string; port: number }): string => `${node.host}:${node.port}`;

/** A profile for the harness deployment (its passwords, its sentinels). */
export function profileFor(topo: SentinelTopology, extra: { readOnly?: boolean; name?: string } = {}) {
  return sentinelProfile({
    sentinels: topo.sentinelAddresses,
    masterName: topo.masterName,
    password: topo.dataPassword,
    sentinelPassword: topo.sentinelPassword,
    ...extra,
  });
}

export function topologyTestbed(options: { pollIntervalMs?: number } = {}) {
  const sessions = sessionTestbed();
  const service = createTopologyService({
    events: sessions.events,
    sessions: sessions.manager,
    resolveProfile: async (id) => {
      const profile = sessions.profiles.get(id);
      if (!profile) throw new Error(`no profile ${id}`);
      return profile;
    },
    pollIntervalMs: options.pollIntervalMs ?? 500,
  });
  const pushed = {
    snapshots: [] as TopologySnapshot[],
    events: [] as TopologyEvent[],
    alerts: [] as TopologyAlert[],
    failovers: [] as FailoverRecord[],
  };
  const { events } = sessions;
  events.on('topology.snapshot', ({ snapshot }) => pushed.snapshots.push(snapshot));
  events.on('topology.event', (event) => pushed.events.push({ ...event }));
  events.on('topology.alert', (alert) => pushed.alerts.push(alert));
  events.on('topology.failover', ({ failover }) => pushed.failovers.push({ ...failover }));

  const latest = (): TopologySnapshot | undefined => pushed.snapshots.at(-1);

  return {
    ...sessions,
    service,
    pushed,
    latest,
    alertsOf: (kind: TopologyAlertKind) => pushed.alerts.filter((a) => a.kind === kind),
    /** Waits until the latest pushed snapshot satisfies `check`. */
    untilSnapshot: (what: string, check: (s: TopologySnapshot) => boolean, timeoutMs = 30_000) =>
      waitFor(async () => ((s) => (s && check(s) ? s : undefined))(latest()), { timeoutMs, intervalMs: 50, what }),
    /** Waits until an alert of `kind` was pushed (optionally matching `check`). */
    untilAlert: (kind: TopologyAlertKind, check: (a: TopologyAlert) => boolean = () => true, timeoutMs = 30_000) =>
      waitFor(async () => pushed.alerts.find((a) => a.kind === kind && check(a)), {
        timeoutMs,
        intervalMs: 50,
        what: `a "${kind}" alert`,
      }),
    async dispose() {
      service.dispose();
      await sessions.manager.closeAll();
    },
  };
}
