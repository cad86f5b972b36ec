import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { formatTable } from './benchTable';
import { runValuesUiBench } from './valuesUiBench';

/**
 * `npm run bench -- --suite values-ui [--mb N]`: loading big string values whole through the UI
 * (web host + Chromium) and the long tasks that causes. Returns the exit code.
 */
export async function runValuesUiSuite(argv: string[], log: (line: string) => void): Promise<number> {
  const at = argv.indexOf('--mb');
  const mb = at >= 0 ? Number(argv[at + 1]) : 50;
  if (!Number.isInteger(mb) || mb < 2) throw new Error('--mb takes a whole number >= 2');
  const outFile = resolve('bench-results/values-ui.json');
  log(`values UI benchmark: ${mb} MB text and binary strings loaded whole`);
  const metrics = await runValuesUiBench({ mb, log });
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, `${JSON.stringify({ mb, metrics, at: new Date().toISOString() }, null, 2)}\n`);
  log('');
  log(formatTable(metrics));
  log(`\nwritten to ${outFile}`);
  return metrics.every((m) => m.ok !== false) ? 0 : 1;
}
