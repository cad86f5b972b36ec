import { resolve } from 'node:path';
import { finish, numberOption } from './benchCli';
import { formatTable } from './benchTable';
import { runTopologyUiBench } from './topologyUiBench';

/**
 * `npm run bench -- --suite topology-ui [--failovers N]`: banners and the diagram against the
 * sentinels' own events, through the web host in Chromium. Returns the exit code.
 */
export async function runTopologyUiSuite(argv: string[], log: (line: string) => void): Promise<number> {
  const failovers = numberOption(argv, '--failovers', 5, 1);
  const outFile = resolve('bench-results/topology-ui.json');
  log(`topology UI benchmark: ${failovers} crash failovers (1 master, 2 replicas, 3 sentinels)`);
  const result = await runTopologyUiBench({ failovers, outFile, log });
  return finish(result.metrics, formatTable(result.metrics), outFile, log);
}
