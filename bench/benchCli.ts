import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname } from 'node:path';
import type { BenchMetric } from './benchTable';

/** An option's text as a whole number ≥ min, or the fallback when absent. */
export function wholeNumber(raw: string | undefined, name: string, fallback: number, min: number): number {
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} takes a whole number >= ${min}`);
  return value;
}

/** `--name N` as a whole number ≥ min, or the fallback when absent. */
export function numberOption(argv: string[], name: string, fallback: number, min: number): number {
  const at = argv.indexOf(name);
  return wholeNumber(at >= 0 ? (argv[at + 1] ?? '') : undefined, name, fallback, min);
}

/** The 1, 5 and 15 minute load averages: other work on the machine moves every figure. */
export const loadAverage = (): string[] => loadavg().map((l) => l.toFixed(2));

export function writeJson(outFile: string, value: unknown): void {
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, `${JSON.stringify(value, null, 2)}\n`);
}

/** Prints the table and where the JSON went; the exit code (1 when a target is missed). */
export function finish(metrics: BenchMetric[], table: string, outFile: string, log: (line: string) => void): number {
  log('');
  log(table);
  log(`\nload average at the end: ${loadAverage().join(' ')}; written to ${outFile}`);
  return metrics.every((m) => m.ok !== false) ? 0 : 1;
}
