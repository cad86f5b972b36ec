// `npm run lint`'s import-graph check (rules in importRules.mjs): prints each problem, exits 1 if any.
import { checkImports } from './importRules.mjs';

const problems = await checkImports();
for (const problem of problems) console.error(`✗ ${problem}`);
if (problems.length) {
  console.error(`\n${problems.length} import rule problem(s) (docs/ARCHITECTURE.md, "Layers").`);
  process.exit(1);
}
console.log('import rules: no product → test support/e2e/bench imports, no new feature cycles');
