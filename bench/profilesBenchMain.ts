import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { finish, loadAverage, numberOption, writeJson } from './benchCli';
import { formatTable } from './benchTable';
import { runProfilesBench } from './profilesBench';

/**
 * `npm run bench -- --suite profiles [--profiles N] [--runs N]`: the profile store with many
 * saved profiles. Returns the exit code.
 */
export async function runProfilesSuite(argv: string[], log: (line: string) => void): Promise<number> {
  const profiles = numberOption(argv, '--profiles', 10_000, 10);
  const runs = numberOption(argv, '--runs', 10, 1);
  const outFile = resolve('bench-results/profiles.json');
  log(`profiles benchmark: ${runs} runs; ${cpus().length} CPUs, load ${loadAverage().join(' ')}`);
  const result = await runProfilesBench({ profiles, runs, log });
  writeJson(outFile, { profiles, runs, ...result, loadAverage: loadAverage(), at: new Date().toISOString() });
  return finish(result.metrics, formatTable(result.metrics), outFile, log);
}
