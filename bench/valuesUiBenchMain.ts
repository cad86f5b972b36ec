import { resolve } from 'node:path';
import { finish, numberOption, writeJson } from './benchCli';
import { formatTable } from './benchTable';
import { runValuesUiBench } from './valuesUiBench';

/**
 * `npm run bench -- --suite values-ui [--mb N]`: loading big string values whole through the UI
 * (web host + Chromium) and the long tasks that causes. Returns the exit code.
 */
export async function runValuesUiSuite(argv: string[], log: (line: string) => void): Promise<number> {
  const mb = numberOption(argv, '--mb', 50, 2);
  const outFile = resolve('bench-results/values-ui.json');
  log(`values UI benchmark: ${mb} MB text and binary strings loaded whole`);
  const metrics = await runValuesUiBench({ mb, log });
  writeJson(outFile, { mb, metrics, at: new Date().toISOString() });
  return finish(metrics, formatTable(metrics), outFile, log);
}
