/** One figure of a benchmark: a value, optionally next to its baseline, and its target. */
export interface BenchMetric {
  metric: string;
  /** The median of `runs` when there are several. */
  value: number;
  unit: string;
  /** The same-run reference the value is compared with (same unit), if any. */
  baseline?: number;
  /** value / baseline. */
  ratio?: number;
  target?: string;
  ok?: boolean;
  /** Every measurement, when the figure was taken more than once (the noise). */
  runs?: number[];
  /** Each run's ratio to its own baseline, when that is what the target judges. */
  ratioRuns?: number[];
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const digits = (unit: string) => (unit === 'x' ? 2 : 1);
const format = (value: number, unit: string): string => `${value.toFixed(digits(unit))} ${unit}`;

/** "3: 1.21–1.44": how many runs, and their range. */
function spread(m: BenchMetric): string {
  const [runs, unit] = m.ratioRuns ? [m.ratioRuns, 'x'] : [m.runs ?? [], m.unit];
  if (runs.length < 2) return '';
  return `${runs.length}: ${Math.min(...runs).toFixed(digits(unit))}–${Math.max(...runs).toFixed(digits(unit))}`;
}

/** The metrics as an aligned text table: figure, value, baseline, ratio, target, pass/fail, spread. */
export function formatTable(metrics: BenchMetric[]): string {
  const rows = [
    ['figure', 'value', 'baseline', 'ratio', 'target', 'pass?', 'runs (min–max)'],
    ...metrics.map((m) => [
      m.metric,
      format(m.value, m.unit),
      m.baseline === undefined ? '' : format(m.baseline, m.unit),
      m.ratio === undefined ? '' : format(m.ratio, 'x'),
      m.target ?? '',
      m.ok === undefined ? '' : m.ok ? 'pass' : 'FAIL',
      spread(m),
    ]),
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows
    .map((r) =>
      r
        .map((cell, c) => cell.padEnd(widths[c]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** A figure taken in several runs (median reported), optionally each next to its own same-run baseline. */
export function measured(metric: string, runs: number[], unit: string, baselines?: number[]): BenchMetric {
  const figure: BenchMetric = { metric, value: median(runs), unit, runs };
  if (!baselines) return figure;
  const ratioRuns = runs.map((run, i) => run / baselines[i]!);
  return { ...figure, baseline: median(baselines), ratio: median(ratioRuns), ratioRuns };
}

/** A figure taken in several runs whose median must stay at or below `max`. */
export function atMost(metric: string, runs: number[], unit: string, max: number): BenchMetric {
  const figure = measured(metric, runs, unit);
  return { ...figure, target: `<= ${max} ${unit}`, ok: figure.value <= max };
}

/** The median of the runs' ratios to their same-run baselines must stay at or below `max`. */
export function ratioAtMost(
  metric: string,
  runs: number[],
  baselines: number[],
  unit: string,
  max: number,
): BenchMetric {
  const figure = measured(metric, runs, unit, baselines);
  return { ...figure, target: `<= ${max}x`, ok: figure.ratio! <= max };
}
