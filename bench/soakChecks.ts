import { FAILOVER_PHASES, type FailoverPhase, type FailoverRecord } from '../shared/api/topology';
import { median, type BenchMetric } from './benchTable';

/** One failover the soak caused, as the deployment itself says it went. */
export interface SoakSample {
  n: number;
  /** SIGKILL of the master, SENTINEL FAILOVER, or SIGSTOP past down-after-milliseconds. */
  kind: 'crash' | 'manual' | 'pause';
  /** A sentinel kept deaf through this failover (see lateMode in failoverSoak.ts). */
  late: 'none' | 'same' | 'next';
  /** The master the sentinels agreed on before, and after (with every node following it). */
  from: string;
  to: string;
  triggeredAt: number;
  downAfterMs: number;
  /** The incident the timeline showed for it as it happened. */
  incidentId: string;
}

/** Per failover, from its incident's phases: noticing it, electing and promoting, in all (ms). */
export interface SoakFigures {
  n: number;
  kind: SoakSample['kind'];
  /** Trigger → the failover started (`+try-failover`): for a crash or pause, noticing the master gone. */
  detectionMs: number;
  /** Failover started → `+switch-master`: the leader's election, the replica's selection and promotion. */
  electionMs: number;
  /** Trigger → `+switch-master`. */
  totalMs: number;
  /** Attempts Sentinel gave up before the one that switched. */
  abortedAttempts: number;
  writesBlockedMs?: number;
}

/** Sentinel pings every second (or down-after, when shorter): it may last have heard the node that long before. */
const PING_PERIOD_MS = 1_000;
/**
 * No failover attempt of this soak may take longer, from the first phase to the switch. (An
 * attempt Sentinel gives up is retried after twice the failover-timeout, longer in TILT mode.)
 */
const MAX_ATTEMPT_MS = 30_000;

const phaseAt = (r: FailoverRecord, phase: FailoverPhase) => r.phases.find((p) => p.phase === phase)?.at;

/** What is wrong with the incident recorded for one failover (empty when it is exact). */
function checkIncident(s: SoakSample, r: FailoverRecord): string[] {
  const problems: string[] = [];
  const say = (what: string) => problems.push(`failover ${s.n} (${s.kind}), incident ${r.id}: ${what}`);
  if (r.outcome !== 'completed') say(`outcome ${r.outcome}${r.reason ? ` (${r.reason.code})` : ''}`);
  if (r.manual !== (s.kind === 'manual')) say(`recorded as ${r.manual ? 'manual' : 'automatic'}`);
  if (r.from !== s.from || r.to !== s.to) say(`recorded ${r.from} → ${r.to}; the deployment went ${s.from} → ${s.to}`);
  if (r.epoch === undefined) say('no epoch');
  if (r.endedAt === undefined) say('never ended');

  const phases = r.phases.map((p) => p.phase);
  const order = phases.map((p) => FAILOVER_PHASES.indexOf(p));
  if (order.some((o, i) => i > 0 && o <= order[i - 1]!)) say(`phases out of order: ${phases.join(', ')}`);
  r.phases.forEach((p, i) => {
    const previous = i === 0 ? p.at : r.phases[i - 1]!.at;
    if (p.at < previous || p.sincePreviousMs !== p.at - previous) say(`phase ${p.phase} at a wrong time`);
  });
  const needed: FailoverPhase[] =
    s.kind === 'manual' ? ['try-failover', 'switch-master'] : ['sdown', 'odown', 'try-failover', 'switch-master'];
  const missing = needed.filter((p) => !phases.includes(p));
  if (missing.length) say(`missing phases ${missing.join(', ')} (has ${phases.join(', ')})`);
  if (s.kind === 'manual' && phases[0] !== 'try-failover') say(`a manual failover that starts with ${phases[0]}`);

  const first = r.phases[0]?.at ?? r.startedAt;
  // Nothing can be noticed before it happened, nor a crash before down-after-milliseconds.
  const earliest = s.triggeredAt + (s.kind === 'manual' ? 0 : Math.max(0, s.downAfterMs - PING_PERIOD_MS));
  if (first < earliest) say(`starts ${earliest - first} ms too early for a ${s.kind}`);
  if (s.kind !== 'manual' && first > s.triggeredAt + s.downAfterMs + 10_000) say('noticed implausibly late');
  const switched = phaseAt(r, 'switch-master');
  if (switched !== undefined && r.durationMs !== switched - r.startedAt) say(`duration ${r.durationMs} ms`);
  const longest = MAX_ATTEMPT_MS * (1 + (r.attempts?.length ?? 0));
  if (r.durationMs === undefined || r.durationMs <= 0 || r.durationMs > longest) {
    say(`implausible duration ${r.durationMs} ms`);
  }
  return problems;
}

/**
 * Everything the timeline (and its export) got wrong about the soak: one incident per failover,
 * in order, each exact (see checkIncident), no two with one epoch, the export the same.
 */
export function checkSoak(samples: SoakSample[], timeline: FailoverRecord[], exported: FailoverRecord[]): string[] {
  const problems: string[] = [];
  const list = (records: FailoverRecord[]) =>
    records.map((r) => `${r.id} ${r.manual ? 'manual' : 'auto'} ${r.outcome} ${r.from} → ${r.to ?? '?'}`).join('; ');
  if (timeline.length !== samples.length) {
    problems.push(`${timeline.length} incidents on the timeline for ${samples.length} failovers: ${list(timeline)}`);
  }
  if (exported.length !== samples.length) {
    problems.push(`${exported.length} incidents in the export for ${samples.length} failovers: ${list(exported)}`);
  }
  timeline.forEach((r, i) => {
    if (essence(r) !== essence(exported[i])) problems.push(`incident ${r.id} is not the same in the export`);
  });
  samples.forEach((s, i) => {
    const r = timeline.find((x) => x.id === s.incidentId);
    if (!r) problems.push(`failover ${s.n} (${s.kind}): its incident ${s.incidentId} left the timeline`);
    else if (timeline.indexOf(r) !== i) problems.push(`failover ${s.n} (${s.kind}): incident ${r.id} out of place`);
    if (r) problems.push(...checkIncident(s, r));
  });
  const epochs = timeline.map((r) => r.epoch ?? -1);
  if (epochs.some((e, i) => i > 0 && e <= epochs[i - 1]!)) problems.push(`epochs not increasing: ${epochs.join(', ')}`);
  return problems;
}

/** What the export must say of a record as the timeline does (it adds ISO times). */
const essence = (r: FailoverRecord | undefined) =>
  r &&
  JSON.stringify([
    [r.id, r.manual, r.from, r.to, r.outcome, r.epoch, r.startedAt, r.endedAt, r.durationMs, r.writesBlockedMs],
    r.phases.map((p) => [p.phase, p.at, p.sincePreviousMs]),
  ]);

export function soakFigures(samples: SoakSample[], timeline: FailoverRecord[]): SoakFigures[] {
  return samples.flatMap((s) => {
    const r = timeline.find((x) => x.id === s.incidentId);
    const started = r && phaseAt(r, 'try-failover');
    const switched = r && phaseAt(r, 'switch-master');
    if (!r || started === undefined || switched === undefined) return [];
    return [
      {
        n: s.n,
        kind: s.kind,
        detectionMs: started - s.triggeredAt,
        electionMs: switched - started,
        totalMs: switched - s.triggeredAt,
        abortedAttempts: r.attempts?.length ?? 0,
        ...(r.writesBlockedMs !== undefined && { writesBlockedMs: r.writesBlockedMs }),
      },
    ];
  });
}

const FIGURES = [
  ['detection', 'detectionMs', 'trigger → failover started'],
  ['election', 'electionMs', 'failover started → +switch-master'],
  ['total', 'totalMs', 'trigger → +switch-master'],
] as const;

/** Min, median and max of each figure, per kind and over all failovers, as text lines. */
export function soakSummary(figures: SoakFigures[]): string[] {
  const lines = ['figure      kind     n   min ms  median ms  max ms'];
  for (const [name, key] of FIGURES) {
    for (const kind of ['crash', 'manual', 'pause', 'all'] as const) {
      const values = figures.filter((f) => kind === 'all' || f.kind === kind).map((f) => f[key]);
      if (values.length === 0) continue;
      const cells = [Math.min(...values), median(values), Math.max(...values)].map((v) => v.toFixed(0));
      lines.push(
        `${name.padEnd(11)} ${kind.padEnd(7)} ${String(values.length).padStart(2)} ${cells[0]!.padStart(8)} ${cells[1]!.padStart(10)} ${cells[2]!.padStart(7)}`,
      );
    }
  }
  return lines;
}

export function soakMetrics(
  samples: SoakSample[],
  timeline: FailoverRecord[],
  exported: FailoverRecord[],
  failovers: number,
  problems: number,
): BenchMetric[] {
  const figures = soakFigures(samples, timeline);
  const timed: BenchMetric[] = FIGURES.map(([name, key, what]) => {
    const runs = figures.map((f) => f[key]);
    return { metric: `${name} (${what}), median`, value: runs.length ? median(runs) : Number.NaN, unit: 'ms', runs };
  });
  return [
    {
      metric: `incidents on the timeline (of ${failovers} failovers)`,
      value: timeline.length,
      unit: 'incidents',
      target: `= ${failovers}`,
      ok: timeline.length === failovers,
    },
    {
      metric: `incidents in the export (of ${failovers} failovers)`,
      value: exported.length,
      unit: 'incidents',
      target: `= ${failovers}`,
      ok: exported.length === failovers,
    },
    { metric: 'wrong kind, masters or phases', value: problems, unit: 'problems', target: '= 0', ok: problems === 0 },
    ...timed,
  ];
}
