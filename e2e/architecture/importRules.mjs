// @ts-check
// The import rules ESLint's per-file `no-restricted-imports` cannot see (docs/ARCHITECTURE.md, "Layers"),
// checked on the whole import graph with dependency-cruiser:
//   1. product code never imports test support (any `testSupport/` folder, `*.test.ts`), `e2e/` or
//      the benchmarks (`bench/`);
//   2. feature folders (`electron/core/<feature>`, `renderer/src/<feature>`) never import each other
//      in a circle, apart from the cycles listed in KNOWN_CYCLES (being removed, issue 13 §6).
// `npm run lint` runs it (checkImports.mjs); importRules.test.ts proves both rules fail when broken.
import { cruise } from 'dependency-cruiser';

/** Files that are tooling, not product: test support, tests, e2e, benchmarks. */
const TOOLING = '(^|/)testSupport/|\\.test\\.tsx?$|^e2e/|^bench/';
const PRODUCT = '^(electron|renderer|shared)/';

/** dependency-cruiser rule set for rule 1. */
export const RULE_SET = {
  forbidden: [
    {
      name: 'product-imports-test-support',
      comment: 'Test support (testSupport/ folders, *.test.ts) is for tests, e2e and benchmarks only.',
      severity: 'error',
      from: { path: PRODUCT, pathNot: TOOLING },
      to: { path: '(^|/)testSupport/|\\.test\\.tsx?$' },
    },
    {
      name: 'product-imports-e2e',
      comment: 'e2e/ holds the Playwright tests and their support: never part of the app.',
      severity: 'error',
      from: { path: PRODUCT, pathNot: TOOLING },
      to: { path: '^e2e/' },
    },
    {
      name: 'product-imports-bench',
      comment: 'The benchmarks are tooling: never part of the app.',
      severity: 'error',
      from: { path: PRODUCT, pathNot: TOOLING },
      to: { path: '^bench/' },
    },
  ],
};

/**
 * Feature cycles allowed as temporary exceptions, each with its reason (none today: issue 13 §6
 * untied them all). A cycle is listed
 * as the features it passes through in order (the last imports the first). Every import between
 * features that closes a circle must belong to one of these; any other (a NEW cycle) fails, and so
 * does an entry that no longer exists (delete it when its cycle is untied).
 * @type {{ name: string; why: string; cycle: string[] }[]}
 */
export const KNOWN_CYCLES = [];

/** `core/<feature>` or `renderer/<feature>` for a product file inside a feature folder, else undefined. */
export function featureOf(file) {
  if (new RegExp(TOOLING).test(file)) return undefined;
  const match = /^electron\/core\/([^/]+)\/|^renderer\/src\/([^/]+)\//.exec(file);
  if (!match) return undefined;
  return match[1] ? `core/${match[1]}` : `renderer/${match[2]}`;
}

/**
 * The feature graph's problems: imports that close a circle not in `known`, and `known` entries
 * that are no longer a circle. `edges` maps "from -> to" (features) to one import that makes it.
 * @param {Map<string, string>} edges
 * @param {{ name: string; cycle: string[] }[]} known
 * @returns {string[]}
 */
export function cycleProblems(edges, known) {
  const next = new Map();
  for (const edge of edges.keys()) {
    const [from, to] = edge.split(' -> ');
    if (!next.has(from)) next.set(from, []);
    next.get(from).push(to);
  }
  /** Shortest feature path from `start` to `goal`, or undefined. */
  const pathBetween = (start, goal) => {
    const cameFrom = new Map([[start, '']]);
    const queue = [start];
    while (queue.length) {
      const node = queue.shift();
      if (node === goal) {
        const path = [];
        for (let at = goal; at; at = cameFrom.get(at)) path.unshift(at);
        return path;
      }
      for (const to of next.get(node) ?? []) {
        if (!cameFrom.has(to)) {
          cameFrom.set(to, node);
          queue.push(to);
        }
      }
    }
    return undefined;
  };
  const knownEdges = new Set(
    known.flatMap(({ cycle }) => cycle.map((from, i) => `${from} -> ${cycle[(i + 1) % cycle.length]}`)),
  );
  const problems = [];
  for (const [edge, sample] of edges) {
    const [from, to] = edge.split(' -> ');
    const back = pathBetween(to, from);
    if (!back || knownEdges.has(edge)) continue;
    problems.push(
      `new feature cycle: ${[from, ...back].join(' -> ')}\n    closed by ${edge} (${sample})\n    ` +
        'untie it (move the shared part below both features), or if it must stay for now, add it to KNOWN_CYCLES in e2e/architecture/importRules.mjs',
    );
  }
  for (const { name, cycle } of known) {
    const missing = cycle
      .map((from, i) => `${from} -> ${cycle[(i + 1) % cycle.length]}`)
      .filter((edge) => !edges.has(edge));
    if (missing.length) {
      problems.push(
        `known cycle "${name}" is gone (no ${missing.join(', ')}): remove it from KNOWN_CYCLES in e2e/architecture/importRules.mjs`,
      );
    }
  }
  return problems;
}

/**
 * Checks the tree under `baseDir` (the repo by default). Resolves with one line per problem.
 * @param {{ baseDir?: string; known?: { name: string; cycle: string[] }[] }} [options]
 * @returns {Promise<string[]>}
 */
export async function checkImports({ baseDir = process.cwd(), known = KNOWN_CYCLES } = {}) {
  const roots = ['electron', 'renderer/src', 'shared'];
  const result = await cruise(
    roots,
    {
      baseDir,
      validate: true,
      ruleSet: /** @type {any} */ (RULE_SET),
      tsPreCompilationDeps: true, // type-only imports count too
      doNotFollow: { path: 'node_modules' },
      exclude: { path: '^out/|node_modules' },
      enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.mjs', '.js'] },
    },
    { extensions: ['.ts', '.tsx', '.mjs', '.js'] },
  );
  if (typeof result.output === 'string') throw new Error('dependency-cruiser returned a report, not a result');
  const problems = result.output.summary.violations.map(
    (v) =>
      `${v.rule.name}: ${v.from} -> ${v.to} (${RULE_SET.forbidden.find((r) => r.name === v.rule.name)?.comment ?? ''})`,
  );
  /** @type {Map<string, string>} */
  const edges = new Map();
  for (const module of result.output.modules) {
    const from = featureOf(module.source);
    if (!from) continue;
    for (const dependency of module.dependencies) {
      const to = featureOf(dependency.resolved);
      const edge = `${from} -> ${to}`;
      if (to && to !== from && !edges.has(edge)) edges.set(edge, `${module.source} imports ${dependency.resolved}`);
    }
  }
  return [...problems, ...cycleProblems(edges, known)];
}
