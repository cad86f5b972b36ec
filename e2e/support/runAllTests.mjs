// `npm test`: prerequisites (installed when missing and allowed) → lint → format → typecheck → build → unit + integration (vitest) → e2e
// (Playwright, Chromium). Stops at the first failing stage and ends with one summary line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { missingPackages, missingPrerequisites } from './checkPrerequisites.mjs';
import { installMissingPackages } from './installPrerequisites.mjs';

const REPORTS = 'test-results/reports';
rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });

// On a fresh Debian machine, install redis-server / Chromium when we may (root or password-less sudo).
const packages = missingPackages();
if (packages.length) await installMissingPackages(packages);
const missing = missingPrerequisites();
if (missing.length) {
  console.error('Redlens tests need:\n' + missing.map((m) => `  - ${m}`).join('\n'));
  process.exit(1);
}

const stages = [
  ['lint', 'npm', ['run', '-s', 'lint']], // eslint + the import-graph rules (e2e/architecture/importRules.mjs)
  ['format', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']],
  ['typecheck', 'npm', ['run', '-s', 'typecheck']],
  ['build', 'npm', ['run', '-s', 'build:quiet']],
  [
    'unit + integration (vitest)',
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${REPORTS}/vitest.json`],
  ],
  ['e2e (playwright)', 'npx', ['playwright', 'test']],
];

for (const [name, cmd, args] of stages) {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const { status, signal } = spawnSync(cmd, args, { stdio: 'inherit' });
  const took = ((Date.now() - started) / 1000).toFixed(1);
  if (status !== 0) {
    console.error(`✗ ${name} failed (${signal ?? `exit ${status}`}, ${took} s)`);
    summarize();
    process.exit(status || 1);
  }
  console.log(`✓ ${name} (${took} s)`);
}
summarize();

function summarize() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const vitest = `${REPORTS}/vitest.json`;
  if (existsSync(vitest)) {
    const r = JSON.parse(readFileSync(vitest, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    skipped += r.numPendingTests + r.numTodoTests;
  }
  const pw = `${REPORTS}/playwright.json`;
  if (existsSync(pw)) {
    const s = JSON.parse(readFileSync(pw, 'utf8')).stats;
    passed += s.expected + s.flaky;
    failed += s.unexpected;
    skipped += s.skipped;
  }
  console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
}
