import type { TopologyEvent, TopologySnapshot } from '../shared/api/topology';
import { EventBus } from '../electron/core/events/eventBus';
import {
  startSentinelTopology,
  waitFor,
  type RedisNode,
  type SentinelTopology,
} from '../electron/core/localRedis/testSupport';
import { createSessionManager } from '../electron/core/sessions/sessionManager';
import { createTopologyService } from '../electron/core/topology/topologyService';
import { profileFor } from '../electron/core/topology/testSupport/topologyTestbed';
import { median, type BenchMetric } from './benchTable';
import { retainedMemory } from './heap';
import { redlensConnections, writeProbe, type WriteProbe } from './topologyProbes';

export interface TopologyBenchOptions {
  /** SIGKILL failovers (the old master restarted after each). */
  crashes: number;
  /** Consecutive manual failovers of the soak. */
  failovers: number;
  log?: (line: string) => void;
}

export interface FailoverSample {
  kind: 'crash' | 'manual';
  /** +switch-master received → first write accepted by the new master (ms). */
  writesMs: number;
  /** +switch-master received → snapshot pushed with the new master (ms). */
  snapshotMs: number;
  /** Writes the old master acknowledged after +switch-master (lost when it is demoted). */
  writesToOldMaster: number;
}

export interface TopologyBenchResult {
  samples: FailoverSample[];
  connections: number[];
  heapBytes: { before: number; after: number };
  timelineFailovers: number;
  metrics: BenchMetric[];
}

const SETTLE_MS = 60_000;

/**
 * The app's connection count once the servers have noticed the closes of a reconnect (they see
 * them a little later): the baseline if it gets back to it within a few seconds, else the last
 * count (a leak).
 */
async function settledConnections(nodes: RedisNode[], baseline: number): Promise<number> {
  let last = baseline;
  try {
    await waitFor(async () => (last = await redlensConnections(nodes)) === baseline, {
      timeoutMs: 5_000,
      intervalMs: 200,
      what: 'the connection count to settle',
    });
  } catch {
    // Still off after 5 s: report it.
  }
  return last;
}

/**
 * Core as the app runs it (one bus, the session manager, the topology service), observed with
 * bounded memory only: the soak measures core's memory, not the observer's.
 */
function benchCore(profile: ReturnType<typeof profileFor>) {
  const events = new EventBus();
  const manager = createSessionManager({ events, resolveProfile: async () => profile });
  const service = createTopologyService({ events, sessions: manager, resolveProfile: async () => profile });
  let lastSwitch: TopologyEvent | undefined;
  let lastAbort: { at: number; reason: string } | undefined;
  let latest: TopologySnapshot | undefined;
  const snapshotTimes: { at: number; master: string | null }[] = [];
  events.on('topology.event', (event) => {
    if (event.channel === '+switch-master') lastSwitch = event;
  });
  events.on('topology.failover', ({ failover }) => {
    if (failover.outcome === 'aborted')
      lastAbort = { at: failover.endedAt ?? Date.now(), reason: failover.reason?.code ?? '' };
  });
  events.on('topology.snapshot', ({ snapshot }) => {
    latest = snapshot;
    snapshotTimes.push({ at: Date.now(), master: latest.master?.address ?? null });
    if (snapshotTimes.length > 1_000) snapshotTimes.splice(0, 500);
  });
  return {
    manager,
    service,
    snapshotTimes,
    /** The next `+switch-master` after `after`, or (`abortable`) the reason the failover was given up. */
    nextSwitch: (after: number, abortable: boolean) =>
      waitFor(
        async () => {
          if (lastSwitch && lastSwitch.at > after) return lastSwitch;
          return abortable && lastAbort && lastAbort.at > after ? lastAbort.reason : undefined;
        },
        { timeoutMs: SETTLE_MS, intervalMs: 5, what: '+switch-master' },
      ),
    settled: (master: string) =>
      waitFor(async () => latest?.failover === null && latest.master?.address === master, {
        timeoutMs: SETTLE_MS,
        intervalMs: 20,
        what: 'the failover to settle',
      }),
  };
}

/**
 * Failovers against a real Sentinel deployment (1 master, 2 replicas, 3 sentinels) with the
 * app's core (session manager + topology watcher) watching and a writer on the data session:
 * how soon writes are accepted and the snapshot shows the new master after `+switch-master`,
 * then a soak of consecutive failovers — every one on the timeline, the app's connection
 * count on the servers, and retained core memory.
 */
export async function runTopologyBench(opts: TopologyBenchOptions): Promise<TopologyBenchResult> {
  const log = opts.log ?? (() => undefined);
  const topo: SentinelTopology = await startSentinelTopology({ downAfterMs: 1000, failoverTimeoutMs: 5000 });
  const bed = benchCore({ ...profileFor(topo, { name: 'bench' }), id: 'bench' });
  let writer: WriteProbe | undefined;
  try {
    const sessionId = (await bed.manager.open('bench')).id;
    const { watchId } = await bed.service.watch({ sessionId });
    writer = writeProbe(
      () => bed.manager.client(sessionId),
      () => bed.manager.view(sessionId).address,
    );
    const samples: FailoverSample[] = [];

    const measure = async (kind: FailoverSample['kind'], trigger: () => Promise<unknown>): Promise<void> => {
      const startedAt = Date.now();
      // Sentinel retries a crash failover itself; a manual one that it gives up is asked again.
      const switched = bed.nextSwitch(startedAt, kind === 'manual');
      await trigger();
      const event = await switched;
      if (typeof event === 'string') {
        log(`${kind} failover aborted (${event}); asking again`);
        return measure(kind, trigger);
      }
      const { from, to } = event.switch!;
      const accepted = await waitFor(async () => writer!.firstAfter(event.at, to), {
        timeoutMs: SETTLE_MS,
        intervalMs: 5,
        what: `a write on ${to}`,
      });
      // The leader may report the promoted replica before any sentinel publishes +switch-master.
      const before = bed.snapshotTimes.findLast((s) => s.at <= event.at);
      const shown =
        before?.master === to ? { at: event.at } : bed.snapshotTimes.find((s) => s.at >= event.at && s.master === to);
      const sample: FailoverSample = {
        kind,
        writesMs: accepted.at - event.at,
        snapshotMs: shown ? shown.at - event.at : Number.NaN,
        writesToOldMaster: writer!.countOn(from, event.at),
      };
      samples.push(sample);
      log(
        `${kind} failover ${samples.length}: ${from} → ${to}; writes after ${sample.writesMs} ms, snapshot after ${sample.snapshotMs} ms`,
      );
      await bed.settled(to);
    };

    for (let i = 0; i < opts.crashes; i++) {
      const old = topo.nodeAt((await topo.currentMaster()).port)!;
      await measure('crash', () => old.kill());
      await old.restart();
      await topo.waitForAgreement({ timeoutMs: SETTLE_MS });
    }

    await topo.waitForAgreement({ timeoutMs: SETTLE_MS });
    const allNodes = [...topo.dataNodes, ...topo.sentinels];
    const connections = [await redlensConnections(allNodes)];
    const heapBefore = await retainedMemory();
    const timelineBefore = bed.service.timeline(watchId).failovers.length;
    for (let i = 0; i < opts.failovers; i++) {
      // -NOGOODSLAVE / -INPROG while the last failover settles: retry until a sentinel accepts.
      await measure('manual', () =>
        waitFor(() => bed.service.failover(watchId).then(() => true), {
          timeoutMs: SETTLE_MS,
          intervalMs: 200,
          what: 'SENTINEL FAILOVER',
        }),
      );
      await topo.waitForAgreement({ timeoutMs: SETTLE_MS });
      connections.push(await settledConnections(allNodes, connections[0]!));
    }
    writer.stop();
    const heapAfter = await retainedMemory();
    const timeline = bed.service.timeline(watchId);
    const completed = timeline.failovers.slice(timelineBefore).filter((f) => f.outcome === 'completed' && f.to).length;
    return {
      samples,
      connections,
      heapBytes: { before: heapBefore, after: heapAfter },
      timelineFailovers: completed,
      metrics: topologyMetrics(
        samples,
        connections,
        { before: heapBefore, after: heapAfter },
        completed,
        opts.failovers,
      ),
    };
  } finally {
    writer?.stop();
    bed.service.dispose();
    await bed.manager.closeAll();
    await topo.stop();
  }
}

function topologyMetrics(
  samples: FailoverSample[],
  connections: number[],
  heap: { before: number; after: number },
  completed: number,
  soak: number,
): BenchMetric[] {
  const writes = samples.map((s) => s.writesMs);
  const shown = samples.map((s) => s.snapshotMs).filter(Number.isFinite);
  const growth = ((heap.after - heap.before) / heap.before) * 100;
  return [
    {
      metric: 'writes accepted after +switch-master (median)',
      value: median(writes),
      unit: 'ms',
      target: '<= 500',
      ok: median(writes) <= 500,
      runs: writes,
    },
    {
      metric: 'writes accepted after +switch-master (worst)',
      value: Math.max(...writes),
      unit: 'ms',
      target: '<= 500',
      ok: Math.max(...writes) <= 500,
    },
    {
      metric: 'snapshot shows new master after +switch-master (worst)',
      value: Math.max(...shown),
      unit: 'ms',
      target: '<= 1000',
      ok: shown.length === samples.length && Math.max(...shown) <= 1000,
      runs: shown,
    },
    {
      metric: 'writes acked by the old master after +switch-master',
      value: samples.reduce((n, s) => n + s.writesToOldMaster, 0),
      unit: 'writes',
    },
    {
      metric: `soak: failovers on the timeline (of ${soak})`,
      value: completed,
      unit: 'failovers',
      target: `= ${soak}`,
      ok: completed === soak,
    },
    {
      metric: 'soak: app connections on the servers (max - min)',
      value: Math.max(...connections) - Math.min(...connections),
      unit: 'conns',
      target: '= 0',
      ok: Math.max(...connections) === Math.min(...connections),
      runs: connections,
    },
    { metric: 'soak: retained core memory growth', value: growth, unit: '%', target: '<= 10', ok: growth <= 10 },
  ];
}
