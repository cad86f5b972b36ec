import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { finish, loadAverage, numberOption, writeJson } from './benchCli';
import { formatTable } from './benchTable';
import { runFailoverSoak } from './failoverSoak';
import { soakFigures, soakSummary } from './soakChecks';

const seconds = (ms: number | undefined) => (ms === undefined ? '' : `${(ms / 1000).toFixed(2)} s`);

/**
 * `npm run bench -- --suite soak [--failovers N] [--down-after MS]`: failovers by crash, by hand
 * and by pause, with late and duplicated sentinel reports (failoverSoak.ts), then the timeline
 * and its export checked incident by incident. Returns the exit code (1 when one is wrong).
 */
export async function runSoakSuite(argv: string[], log: (line: string) => void): Promise<number> {
  const failovers = numberOption(argv, '--failovers', 20, 1);
  const downAfterMs = numberOption(argv, '--down-after', 2000, 500);
  const outFile = resolve('bench-results/failover-soak.json');
  log(
    `failover soak: ${failovers} failovers (crash, manual, pause past down-after ${downAfterMs} ms) with late sentinel reports; ${cpus().length} CPUs, load ${loadAverage().join(' ')}`,
  );
  const result = await runFailoverSoak({ failovers, downAfterMs, log });
  const figures = soakFigures(result.samples, result.timeline);
  log('');
  log(
    '  #  kind    late  old master → new master                 detection  election     total  writes blocked  aborted attempts',
  );
  for (const s of result.samples) {
    const f = figures.find((x) => x.n === s.n);
    log(
      `${String(s.n).padStart(3)}  ${s.kind.padEnd(6)}  ${s.late.padEnd(4)}  ${`${s.from} → ${s.to}`.padEnd(40)} ${seconds(f?.detectionMs).padStart(9)} ${seconds(f?.electionMs).padStart(9)} ${seconds(f?.totalMs).padStart(9)}  ${seconds(f?.writesBlockedMs).padEnd(14)}  ${f?.abortedAttempts || ''}`,
    );
  }
  log('');
  for (const line of soakSummary(figures)) log(line);
  log(`\nlate +switch-master reports provoked and received: ${result.lateReports}`);
  for (const problem of result.problems) log(`WRONG: ${problem}`);
  writeJson(outFile, {
    ...result,
    figures,
    cpus: cpus().length,
    loadAverage: loadAverage(),
    at: new Date().toISOString(),
  });
  return finish(result.metrics, formatTable(result.metrics), outFile, log);
}
