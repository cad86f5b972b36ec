import type { FailoverRecord, TopologyEvent } from '../shared/api/topology';
import { EventBus } from '../electron/core/events/eventBus';
import {
  startSentinelTopology,
  waitFor,
  type Endpoint,
  type RedisNode,
  type SentinelTopology,
} from '../electron/core/localRedis/testSupport';
import { createSessionManager } from '../electron/core/sessions/sessionManager';
import { DEDUP_WINDOW_MS } from '../electron/core/topology/eventLog';
import { createTopologyService } from '../electron/core/topology/topologyService';
import { profileFor } from '../electron/core/topology/testSupport/topologyTestbed';
import { checkSoak, soakMetrics, type SoakSample } from './soakChecks';
import type { BenchMetric } from './benchTable';

export type SoakKind = SoakSample['kind'];

export interface SoakOptions {
  failovers: number;
  /** `down-after-milliseconds` of the sentinels (how long a crash or pause goes unnoticed). */
  downAfterMs?: number;
  log?: (line: string) => void;
}

export interface SoakResult {
  samples: SoakSample[];
  /** The incidents of the timeline, and of its export, from the soak's start. */
  timeline: FailoverRecord[];
  exported: FailoverRecord[];
  /** Late `+switch-master` reports the soak provoked and saw arrive. */
  lateReports: number;
  /** Everything the timeline got wrong (empty when it is exact). */
  problems: string[];
  metrics: BenchMetric[];
}

const KINDS: readonly SoakKind[] = ['crash', 'manual', 'pause'];
const SETTLE_MS = 90_000;
const address = (e: Endpoint) => `${e.host}:${e.port}`;

/**
 * One sentinel is kept from hearing a failover, and resumed once the incident is over and past
 * the event log's de-duplication window: it then learns the new configuration from the others
 * and publishes its own `+switch-master`, late. `next`: it also misses the following failover,
 * so its one report spans two switches (old master of the first → new master of the second).
 */
type Late = 'none' | 'same' | 'next';
const lateMode = (i: number, total: number): Late =>
  i % 4 === 1 ? 'same' : i % 4 === 3 && i + 1 < total ? 'next' : 'none';

/**
 * Core as the app runs it (one bus, the session manager with a master session open, the
 * topology service watching), keeping only the `+switch-master` reports.
 */
async function soakCore(topo: SentinelTopology) {
  const profile = { ...profileFor(topo, { name: 'soak' }), id: 'soak' };
  const events = new EventBus();
  const manager = createSessionManager({ events, resolveProfile: async () => profile });
  const service = createTopologyService({ events, sessions: manager, resolveProfile: async () => profile });
  const switches: TopologyEvent[] = [];
  events.on('topology.event', (event) => {
    if (event.channel === '+switch-master') switches.push({ ...event });
  });
  const session = await manager.open('soak');
  const { watchId } = await service.watch({ sessionId: session.id });
  return { manager, service, watchId, switches };
}

/**
 * `npm run bench -- --suite soak`: `failovers` failovers in a row against a real Sentinel
 * deployment (1 master, 2 replicas, 3 sentinels) — by crash (SIGKILL, restarted once a new
 * master is in), by hand (SENTINEL FAILOVER) and by a pause past down-after-milliseconds
 * (SIGSTOP, SIGCONT once a new master is in), in turn — while sentinels report late (see
 * lateMode) and every switch is reported by every sentinel. Then the timeline and its export
 * must hold exactly one incident per failover, each with the right kind, old and new master
 * (as the sentinels and the nodes themselves say) and plausible phases.
 */
export async function runFailoverSoak(opts: SoakOptions): Promise<SoakResult> {
  const log = opts.log ?? (() => undefined);
  const downAfterMs = opts.downAfterMs ?? 2000;
  const topo = await startSentinelTopology({ replicas: 2, sentinels: 3, downAfterMs, failoverTimeoutMs: 5000 });
  const core = await soakCore(topo).catch(async (e: unknown) => {
    await topo.stop();
    throw e;
  });
  const { service, watchId } = core;
  const samples: SoakSample[] = [];
  let lateReports = 0;
  let deaf: { sentinel: RedisNode; since: number; resumeAfter: number } | undefined;
  const soakStart = Date.now();
  try {
    for (let i = 0; i < opts.failovers; i++) {
      const kind = KINDS[i % KINDS.length]!;
      const late = lateMode(i, opts.failovers);
      const fromEp = await topo.waitForAgreement({ timeoutMs: SETTLE_MS });
      const from = address(fromEp);
      const oldMaster = topo.nodeAt(fromEp.port)!;
      if (late !== 'none' && !deaf) {
        // Always the same one: resumed after a pause, a sentinel stays in TILT mode (acting on
        // nothing) for 30 s. Another one kept deaf meanwhile would leave a single active sentinel,
        // below the quorum, and the next failover would wait for the TILT to end.
        const sentinel = topo.sentinels.at(-1)!;
        await sentinel.pause();
        deaf = { sentinel, since: Date.now(), resumeAfter: late === 'next' ? i + 1 : i };
      }

      const triggeredAt = Date.now();
      if (kind === 'crash') await oldMaster.kill();
      else if (kind === 'pause') await oldMaster.pause();
      else {
        // -NOGOODSLAVE / -INPROG while Sentinel still settles the last one: ask until accepted.
        await waitFor(() => service.failover(watchId).then(() => true), {
          timeoutMs: SETTLE_MS,
          intervalMs: 200,
          what: 'a sentinel to accept SENTINEL FAILOVER',
        });
      }
      const incident = await waitFor(
        async () => service.timeline(watchId).failovers.find((f) => f.startedAt >= triggeredAt && f.to),
        { timeoutMs: SETTLE_MS, intervalMs: 20, what: `the ${kind} failover of ${from} on the timeline` },
      ).catch((e: unknown) => {
        // Say what the timeline did hold (an aborted attempt? nothing at all?): the next run under
        // load that fails here tells whether Sentinel gave up or the record missed the switch.
        const held = service
          .timeline(watchId)
          .failovers.filter((f) => f.startedAt >= triggeredAt - 60_000)
          .map((f) => ({ ...f, phases: f.phases.map((p) => p.phase) }));
        throw new Error(`${(e as Error).message}; the timeline held: ${JSON.stringify(held)}`);
      });
      if (kind === 'crash') await oldMaster.restart();
      if (kind === 'pause') await oldMaster.resume();

      if (deaf?.resumeAfter === i) {
        // Past the de-duplication window, once the incident is over: a late report, not a copy.
        const switchAt = incident.phases.find((p) => p.phase === 'switch-master')?.at ?? Date.now();
        await waitFor(
          async () =>
            Date.now() > switchAt + DEDUP_WINDOW_MS &&
            service
              .timeline(watchId)
              .failovers.find((f) => f.id === incident.id)
              ?.phases.at(-1)?.phase === 'end',
          { timeoutMs: SETTLE_MS, intervalMs: 50, what: 'the incident to be over, past the de-duplication window' },
        );
        const { sentinel, since } = deaf;
        deaf = undefined;
        const resumedAt = Date.now();
        await sentinel.resume();
        const reporter = address(sentinel);
        const heard = await waitFor(
          async () => core.switches.find((e) => e.reportedBy.includes(reporter) && e.at > resumedAt) ?? false,
          { timeoutMs: 20_000, intervalMs: 50, what: `the late +switch-master of ${reporter}` },
        ).catch(() => undefined);
        // No report when the deployment is back on the master this sentinel knew.
        if (heard) lateReports += 1;
        log(
          `  sentinel ${reporter} deaf for ${((resumedAt - since) / 1000).toFixed(1)} s: ${heard ? `late +switch-master ${heard.switch?.from} → ${heard.switch?.to}` : 'no late report (same master again)'}`,
        );
      }

      const toEp = await topo.waitForAgreement({ notMaster: fromEp, timeoutMs: SETTLE_MS });
      const to = address(toEp);
      const sample: SoakSample = { n: i + 1, kind, late, from, to, triggeredAt, downAfterMs, incidentId: incident.id };
      samples.push(sample);
      const record = service.timeline(watchId).failovers.find((f) => f.id === incident.id)!;
      log(
        `${i + 1}/${opts.failovers} ${kind}${late === 'none' ? '' : ` (late: ${late})`}: ${from} → ${to}; incident ${record.id} ${record.from} → ${record.to}${record.attempts ? `, after ${record.attempts.length} aborted attempt(s)` : ''}`,
      );
    }
    // Every late sentinel is heard and every demoted master follows: then the record is final.
    await topo.waitForAgreement({ timeoutMs: SETTLE_MS });
    const timeline = service.timeline(watchId).failovers.filter((f) => f.startedAt >= soakStart);
    const exported = (
      JSON.parse(service.exportTimeline(watchId).json) as { failovers: FailoverRecord[] }
    ).failovers.filter((f) => f.startedAt >= soakStart);
    const problems = checkSoak(samples, timeline, exported);
    return {
      samples,
      timeline,
      exported,
      lateReports,
      problems,
      metrics: soakMetrics(samples, timeline, exported, opts.failovers, problems.length),
    };
  } finally {
    await deaf?.sentinel.resume();
    service.dispose();
    await core.manager.closeAll();
    await topo.stop();
  }
}
