// `npm run bench`: the key browser at scale against real redis-servers. Not part of the tests.
// Options: --keys N (default 1,000,000), --rounds R (index builds in core and through the UI,
// default 5), --no-ui (skip the Chromium part). `--suite values …` runs the values benchmark instead (valuesBenchMain.ts),
// `--suite values-ui [--mb N]` big strings loaded whole in the UI (valuesUiBenchMain.ts),
// `--suite topology-ui [--failovers N]` the Sentinel topology UI one (topologyUiBenchMain.ts),
// `--suite topology [--crashes N] [--failovers N]` the core failover one (topologyBenchMain.ts),
// `--suite profiles [--profiles N] [--runs N]` the profile store (profilesBenchMain.ts),
// `--suite soak [--failovers N] [--down-after MS]` the failover soak: one incident per failover (failoverSoakMain.ts).
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { finish, loadAverage, wholeNumber, writeJson } from './benchCli';
import { formatTable } from './benchTable';
import { runKeyIndexBench } from './keyIndexBench';
import { runUiBench } from './uiBench';
import { runUiKeyIndexBench } from './uiKeyIndexBench';
import { runValuesSuite } from './valuesBenchMain';
import { runValuesUiSuite } from './valuesUiBenchMain';
import { runTopologyUiSuite } from './topologyUiBenchMain';
import { runTopologySuite } from './topologyBenchMain';
import { runProfilesSuite } from './profilesBenchMain';
import { runSoakSuite } from './failoverSoakMain';

const log = (line: string) => console.log(line);

async function runKeysSuite(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { keys: { type: 'string' }, rounds: { type: 'string' }, 'no-ui': { type: 'boolean' } },
    strict: true,
  });
  const keys = wholeNumber(values.keys, '--keys', 1_000_000, 1_000);
  const rounds = wholeNumber(values.rounds, '--rounds', 5, 1);

  // Other work on the machine moves every figure: the load averages go into the results.
  const loadAtStart = loadAverage();
  log(
    `key browser benchmark: ${keys.toLocaleString('en')} keys, ${rounds} rounds, ${cpus().length} CPUs, load ${loadAtStart.join(' ')}`,
  );
  const core = await runKeyIndexBench({ keys, rounds, log });
  const endToEnd = values['no-ui'] ? [] : await runUiKeyIndexBench({ keys, rounds, log });
  const ui = values['no-ui'] ? [] : await runUiBench({ keys, smallKeys: Math.min(100_000, keys / 10), log });
  const metrics = [...core.metrics, ...endToEnd, ...ui];

  // The default size keeps the name the README gives; other sizes get their own file.
  const outFile = resolve(`bench-results/key-index${keys === 1_000_000 ? '' : `-${keys}`}.json`);
  const machine = { cpus: cpus().length, loadAverageAtStart: loadAtStart, loadAverageAtEnd: loadAverage() };
  writeJson(outFile, { ...core, metrics, rounds, ...machine, at: new Date().toISOString() });
  return finish(metrics, formatTable(metrics), outFile, log);
}

const argv = process.argv.slice(2);
const at = argv.indexOf('--suite');
const suite = at >= 0 ? argv[at + 1] : 'keys';
if (
  suite !== 'keys' &&
  suite !== 'values' &&
  suite !== 'values-ui' &&
  suite !== 'topology-ui' &&
  suite !== 'topology' &&
  suite !== 'profiles' &&
  suite !== 'soak'
) {
  throw new Error('--suite takes keys (the default), values, values-ui, topology, topology-ui, profiles or soak');
}
process.exitCode =
  suite === 'values'
    ? await runValuesSuite(argv, log)
    : suite === 'values-ui'
      ? await runValuesUiSuite(argv, log)
      : suite === 'topology-ui'
        ? await runTopologyUiSuite(argv, log)
        : suite === 'topology'
          ? await runTopologySuite(argv, log)
          : suite === 'profiles'
            ? await runProfilesSuite(argv, log)
            : suite === 'soak'
              ? await runSoakSuite(argv, log)
              : await runKeysSuite(at >= 0 ? argv.toSpliced(at, 2) : argv);
