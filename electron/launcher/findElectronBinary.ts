import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface ElectronBinary {
  path: string;
  source: 'ELECTRON_OVERRIDE_DIST_PATH' | 'node_modules/electron';
}

const PLATFORM_EXECUTABLE: Partial<Record<NodeJS.Platform, string>> = {
  darwin: 'Electron.app/Contents/MacOS/Electron',
  win32: 'electron.exe',
};

/**
 * Finds an Electron binary WITHOUT requiring the `electron` package: its index.js downloads
 * the binary on first use, which hangs or fails on machines without that network access.
 * Mirrors its lookup: ELECTRON_OVERRIDE_DIST_PATH first, then node_modules/electron/dist.
 */
export function findElectronBinary(
  env: NodeJS.ProcessEnv = process.env,
  fromDir = process.cwd(),
): ElectronBinary | undefined {
  let packageDir: string | undefined;
  try {
    packageDir = dirname(createRequire(join(fromDir, 'noop.js')).resolve('electron/package.json'));
  } catch {
    packageDir = undefined;
  }
  const pathFile = packageDir ? join(packageDir, 'path.txt') : undefined;
  const recorded = pathFile && existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const executable = recorded || PLATFORM_EXECUTABLE[process.platform] || 'electron';

  const override = env['ELECTRON_OVERRIDE_DIST_PATH'];
  if (override) {
    const path = join(override, executable);
    return existsSync(path) ? { path, source: 'ELECTRON_OVERRIDE_DIST_PATH' } : undefined;
  }
  if (packageDir && recorded) {
    const path = join(packageDir, 'dist', recorded);
    if (existsSync(path)) return { path, source: 'node_modules/electron' };
  }
  return undefined;
}

export const ELECTRON_MISSING_LINE =
  'Electron is not available on this machine (no binary in node_modules/electron/dist; set ELECTRON_OVERRIDE_DIST_PATH to a folder containing one) — serving the same UI in your browser instead.';
