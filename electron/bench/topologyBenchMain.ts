import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { formatTable } from './benchTable';
import { runTopologyBench } from './topologyBench';

function numberOption(argv: string[], name: string, fallback: number, min: number): number {
  const at = argv.indexOf(name);
  const value = at >= 0 ? Number(argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} takes a whole number >= ${min}`);
  return value;
}

/**
 * `npm run bench -- --suite topology [--crashes N] [--failovers N]`: failovers against a real
 * Sentinel deployment. Returns the exit code (1 when a target is missed).
 */
export async function runTopologySuite(argv: string[], log: (line: string) => void): Promise<number> {
  const crashes = numberOption(argv, '--crashes', 3, 0);
  const failovers = numberOption(argv, '--failovers', 20, 1);
  const outFile = resolve('bench-results/topology.json');
  const load = () => loadavg().map((l) => l.toFixed(2));
  log(
    `topology benchmark: ${crashes} crash failovers, then a soak of ${failovers} manual failovers; ${cpus().length} CPUs, load ${load().join(' ')}`,
  );
  const result = await runTopologyBench({ crashes, failovers, log });
  mkdirSync(dirname(outFile), { recursive: true });
  const json = { ...result, cpus: cpus().length, loadAverage: load(), at: new Date().toISOString() };
  writeFileSync(outFile, `${JSON.stringify(json, null, 2)}\n`);
  log('');
  log(formatTable(result.metrics));
  log(`\nload average at the end: ${load().join(' ')}; written to ${outFile}`);
  return result.metrics.every((m) => m.ok !== false) ? 0 : 1;
}
