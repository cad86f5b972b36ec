import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findElectronBinary } from './findElectronBinary';

// Builds a throwaway project with a node_modules/electron package like the real one (no binary).
function project({ pathTxt, binary }: { pathTxt?: string; binary?: boolean }) {
  const dir = mkdtempSync(join(tmpdir(), 'redlens-electron-'));
  const pkg = join(dir, 'node_modules', 'electron');
  mkdirSync(pkg, { recursive: true });
  writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'electron', version: '45.0.0', main: 'index.js' }));
  // The real index.js downloads on require: make sure we never require it.
  writeFileSync(join(pkg, 'index.js'), 'throw new Error("required electron: this would download")');
  if (pathTxt) writeFileSync(join(pkg, 'path.txt'), pathTxt);
  if (binary) {
    mkdirSync(join(pkg, 'dist'), { recursive: true });
    writeFileSync(join(pkg, 'dist', pathTxt ?? 'electron'), '#!/bin/sh\n');
    chmodSync(join(pkg, 'dist', pathTxt ?? 'electron'), 0o755);
  }
  dirs.push(dir);
  return dir;
}
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('findElectronBinary', () => {
  it('finds nothing when the binary was never downloaded', () => {
    expect(findElectronBinary({}, project({}))).toBeUndefined();
    expect(findElectronBinary({}, project({ pathTxt: 'electron' }))).toBeUndefined();
  });
  it('finds the downloaded binary', () => {
    const dir = project({ pathTxt: 'electron', binary: true });
    expect(findElectronBinary({}, dir)).toEqual({
      path: join(dir, 'node_modules/electron/dist/electron'),
      source: 'node_modules/electron',
    });
  });
  it('honours ELECTRON_OVERRIDE_DIST_PATH', () => {
    const dist = mkdtempSync(join(tmpdir(), 'redlens-dist-'));
    dirs.push(dist);
    writeFileSync(join(dist, 'electron'), '');
    const dir = project({});
    expect(findElectronBinary({ ELECTRON_OVERRIDE_DIST_PATH: dist }, dir)).toEqual({
      path: join(dist, 'electron'),
      source: 'ELECTRON_OVERRIDE_DIST_PATH',
    });
    // An override that points nowhere is not silently replaced by something else.
    expect(
      findElectronBinary(
        { ELECTRON_OVERRIDE_DIST_PATH: join(dist, 'missing') },
        project({ pathTxt: 'electron', binary: true }),
      ),
    ).toBeUndefined();
  });
});
