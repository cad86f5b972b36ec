import { resolve } from 'node:path';
import { formatTable } from './benchTable';
import { runTopologyUiBench } from './topologyUiBench';

/**
 * `npm run bench -- --suite topology-ui [--failovers N]`: banners and the diagram against the
 * sentinels' own events, through the web host in Chromium. Returns the exit code.
 */
export async function runTopologyUiSuite(argv: string[], log: (line: string) => void): Promise<number> {
  const at = argv.indexOf('--failovers');
  const failovers = at >= 0 ? Number(argv[at + 1]) : 5;
  if (!Number.isInteger(failovers) || failovers < 1) throw new Error('--failovers takes a whole number >= 1');
  const outFile = resolve('bench-results/topology-ui.json');
  log(`topology UI benchmark: ${failovers} crash failovers (1 master, 2 replicas, 3 sentinels)`);
  const result = await runTopologyUiBench({ failovers, outFile, log });
  log('');
  log(formatTable(result.metrics));
  log(`\nwritten to ${outFile}`);
  return result.metrics.every((m) => m.ok !== false) ? 0 : 1;
}
