import { resolve } from 'node:path';
import { finish, numberOption } from './benchCli';
import { formatValuesTable, runValuesBench } from './valuesBench';

/**
 * `npm run bench -- --suite values [--fields N] [--string-mb N] [--runs N]`: opening big values.
 * Returns the exit code (1 when a target is missed).
 */
export async function runValuesSuite(argv: string[], log: (line: string) => void): Promise<number> {
  const fields = numberOption(argv, '--fields', 1_000_000, 1_000);
  const stringMb = numberOption(argv, '--string-mb', 50, 2);
  const runs = numberOption(argv, '--runs', 20, 1);
  const outFile = resolve('bench-results/values.json');
  log(`values benchmark: hash of ${fields.toLocaleString('en')} fields, ${stringMb} MB string, ${runs} runs each`);
  const result = await runValuesBench({ fields, stringMb, runs, outFile, log });
  return finish(result.metrics, formatValuesTable(result), outFile, log);
}
