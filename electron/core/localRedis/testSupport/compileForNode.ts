import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';

const REPO_ROOT = path.resolve(import.meta.dirname, '../../../..');

export interface CompiledTree {
  /** Temp root mirroring the repo layout (`<dir>/electron/core/localRedis/index.js`, …). */
  dir: string;
  /** `<dir>/electron/core/localRedis/testSupport/index.js` (startStandalone and the rest) */
  testSupportEntry: string;
  resolve(repoRelativePath: string): string;
  dispose(): void;
}

/**
 * Transpiles the (non-test) .ts files of the given repo folders to plain ESM in a temp dir that
 * mirrors the repo layout, with a node_modules symlink so `ioredis` resolves. Tests use it to run
 * local Redis processes inside a separate, non-vitest node process that they can then kill.
 */
export function compileForNode(
  folders = ['electron/core/localRedis', 'electron/core/localRedis/testSupport'],
): CompiledTree {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'redlens-harness-compiled-'));
  symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  for (const folder of folders) {
    mkdirSync(path.join(dir, folder), { recursive: true });
    for (const file of readdirSync(path.join(REPO_ROOT, folder))) {
      if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
      const source = readFileSync(path.join(REPO_ROOT, folder, file), 'utf8');
      const { outputText } = ts.transpileModule(source, {
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
      });
      // Imports use "./x.js" specifiers, so the transpiled files resolve each other as-is.
      writeFileSync(path.join(dir, folder, file.replace(/\.ts$/, '.js')), outputText);
    }
  }
  const resolve = (p: string) => path.join(dir, p);
  return {
    dir,
    testSupportEntry: resolve('electron/core/localRedis/testSupport/index.js'),
    resolve,
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Whether a pid is a live process. Zombies count as dead (an orphan's reaper may be slow). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return true; // no /proc (macOS): kill(0) succeeded, so it exists
  }
}
