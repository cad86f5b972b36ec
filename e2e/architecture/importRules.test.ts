import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkImports, cycleProblems, featureOf, KNOWN_CYCLES } from './importRules.mjs';

// The import-graph rules of importRules.mjs (run by `npm run lint`), exercised on a small tree
// that breaks them: if a rule is loosened or stops seeing a folder, this fails.
describe('import rules (dependency-cruiser)', () => {
  let dir: string;
  let problems: string[];
  const files: Record<string, string> = {
    // product → test support, e2e, benchmarks: forbidden
    'electron/core/keys/keyService.ts': "import { bed } from './testSupport/keyTestbed';\nexport const k = bed;\n",
    'electron/core/values/valueService.ts':
      "import { host } from '../../../e2e/support/hostAndRedis';\nexport const v = host;\n",
    'electron/webhost/webHost.ts': "import { bench } from '../../bench/keyIndexBench';\nexport const w = bench;\n",
    'renderer/src/topology/banner.ts':
      "import { snapshot } from '../sessions/testSupport/sessionViewFixture';\nexport const b = snapshot;\n",
    // tests and test support may import test support
    'electron/core/keys/testSupport/keyTestbed.ts':
      "import { s } from '../../sessions/testSupport/sessionTestbed';\nexport const bed = s;\n",
    'electron/core/sessions/testSupport/sessionTestbed.ts': 'export const s = 1;\n',
    'electron/core/keys/keyService.int.test.ts':
      "import { bed } from './testSupport/keyTestbed';\nexport const t = bed;\n",
    'renderer/src/sessions/testSupport/sessionViewFixture.ts': 'export const snapshot = 1;\n',
    'e2e/support/hostAndRedis.ts': 'export const host = 1;\n',
    'bench/keyIndexBench.ts': 'export const bench = 1;\n',
    // a feature cycle through three folders, with no cycle between files
    'renderer/src/alpha/one.ts': "import { two } from '../beta/two';\nexport const one = two;\n",
    'renderer/src/beta/two.ts': "import { three } from '../gamma/three';\nexport const two = three;\n",
    'renderer/src/gamma/three.ts': "import { four } from '../alpha/four';\nexport const three = four;\n",
    'renderer/src/alpha/four.ts': 'export const four = 4;\n',
    // a feature used one way only: fine
    'electron/core/quick/quick.ts': "import { s } from '../sessions/session';\nexport const q = s;\n",
    'electron/core/sessions/session.ts': "import { API } from '../../../shared/api/methods';\nexport const s = API;\n",
    'shared/api/methods.ts': 'export const API = 1;\n',
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'redlens-import-rules-'));
    for (const [file, code] of Object.entries(files)) {
      mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
      writeFileSync(path.join(dir, file), code);
    }
    problems = await checkImports({ baseDir: dir, known: [] });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    'product-imports-test-support: electron/core/keys/keyService.ts -> electron/core/keys/testSupport/keyTestbed.ts',
    'product-imports-test-support: renderer/src/topology/banner.ts -> renderer/src/sessions/testSupport/sessionViewFixture.ts',
    'product-imports-e2e: electron/core/values/valueService.ts -> e2e/support/hostAndRedis.ts',
    'product-imports-bench: electron/webhost/webHost.ts -> bench/keyIndexBench.ts',
  ])('fails on %s', (expected) => {
    expect(problems.some((p) => p.startsWith(expected))).toBe(true);
  });

  it('fails on a new feature cycle, naming it', () => {
    const cycles = problems.filter((p) => p.startsWith('new feature cycle'));
    expect(cycles.length).toBeGreaterThan(0);
    expect(cycles.join('\n')).toContain('renderer/gamma -> renderer/alpha');
    expect(cycles.every((p) => /renderer\/(alpha|beta|gamma)/.test(p))).toBe(true);
  });

  it('lets tests and test support import test support', () => {
    expect(problems.filter((p) => /^product-imports-\S+: (\S*testSupport\/|\S*\.test\.ts)/.test(p))).toEqual([]);
    expect(problems).toHaveLength(4 + problems.filter((p) => p.startsWith('new feature cycle')).length);
  });
});

describe('feature cycles and KNOWN_CYCLES', () => {
  const edges = new Map([
    ['renderer/a -> renderer/b', 'a.ts imports b.ts'],
    ['renderer/b -> renderer/a', 'b.ts imports a.ts'],
    ['renderer/b -> renderer/c', 'b.ts imports c.ts'],
  ]);
  it('a listed cycle passes', () => {
    expect(cycleProblems(edges, [{ name: 'a ↔ b', cycle: ['renderer/a', 'renderer/b'] }])).toEqual([]);
  });
  it('a new cycle through a listed one fails', () => {
    const more = new Map([...edges, ['renderer/c -> renderer/a', 'c.ts imports a.ts']]);
    const problems = cycleProblems(more, [{ name: 'a ↔ b', cycle: ['renderer/a', 'renderer/b'] }]);
    // b -> c was harmless before; now it and c -> a each close the new circle
    expect(problems).toHaveLength(2);
    expect(problems.every((p) => p.startsWith('new feature cycle:'))).toBe(true);
    expect(problems.join('\n')).toContain('closed by renderer/c -> renderer/a (c.ts imports a.ts)');
  });
  it('a listed cycle that is gone fails, so the list only shrinks', () => {
    const problems = cycleProblems(edges, [
      { name: 'a ↔ b', cycle: ['renderer/a', 'renderer/b'] },
      { name: 'b ↔ c', cycle: ['renderer/b', 'renderer/c'] },
    ]);
    expect(problems).toEqual([expect.stringMatching(/^known cycle "b ↔ c" is gone \(no renderer\/c -> renderer\/b\)/)]);
  });
  it('every listed cycle names features', () => {
    for (const { cycle } of KNOWN_CYCLES) {
      expect(cycle.length).toBeGreaterThan(1);
      for (const feature of cycle) expect(feature).toMatch(/^(core|renderer)\/[\w-]+$/);
    }
  });
  it('features are the folders under electron/core and renderer/src, product code only', () => {
    expect(featureOf('electron/core/keys/keyService.ts')).toBe('core/keys');
    expect(featureOf('renderer/src/keys/KeyBrowser.tsx')).toBe('renderer/keys');
    expect(featureOf('electron/core/createCore.ts')).toBeUndefined();
    expect(featureOf('electron/core/keys/testSupport/keyTestbed.ts')).toBeUndefined();
    expect(featureOf('renderer/src/keys/keysStore.test.ts')).toBeUndefined();
  });
});
