import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { finish, loadAverage, numberOption, writeJson } from './benchCli';
import { formatTable } from './benchTable';
import { runTopologyBench } from './topologyBench';

/**
 * `npm run bench -- --suite topology [--crashes N] [--failovers N]`: failovers against a real
 * Sentinel deployment. Returns the exit code (1 when a target is missed).
 */
export async function runTopologySuite(argv: string[], log: (line: string) => void): Promise<number> {
  const crashes = numberOption(argv, '--crashes', 3, 0);
  const failovers = numberOption(argv, '--failovers', 20, 1);
  const outFile = resolve('bench-results/topology.json');
  log(
    `topology benchmark: ${crashes} crash failovers, then a soak of ${failovers} manual failovers; ${cpus().length} CPUs, load ${loadAverage().join(' ')}`,
  );
  const result = await runTopologyBench({ crashes, failovers, log });
  writeJson(outFile, { ...result, cpus: cpus().length, loadAverage: loadAverage(), at: new Date().toISOString() });
  return finish(result.metrics, formatTable(result.metrics), outFile, log);
}
