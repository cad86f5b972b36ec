// `npm run bench`: the key index at scale against a real redis-server. Not part of the tests.
// Options: --keys N (default 1,000,000).
import { resolve } from 'node:path';
import { formatTable, runKeyIndexBench } from './keyIndexBench';

function keysOption(argv: string[]): number {
  const at = argv.indexOf('--keys');
  const value = at >= 0 ? Number(argv[at + 1]) : 1_000_000;
  if (!Number.isInteger(value) || value < 100) throw new Error('--keys takes a whole number >= 100');
  return value;
}

const keys = keysOption(process.argv.slice(2));
const outFile = resolve('bench-results/key-index.json');
const log = (line: string) => console.log(line);
log(`key index benchmark: ${keys.toLocaleString('en')} keys`);
const result = await runKeyIndexBench({ keys, outFile, log });
log('');
log(formatTable(result));
log(`\nwritten to ${outFile}`);
process.exitCode = result.metrics.every((m) => m.ok !== false) ? 0 : 1;
