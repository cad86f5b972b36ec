import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// A sandboxed preload must be one CommonJS file that requires nothing but `electron`.
// `npm test` builds before it runs the tests.
const BUILT = 'out/preload/index.cjs';

describe('built preload', () => {
  it('is a single CommonJS file exposing only window.redlens', () => {
    expect(existsSync(BUILT), `${BUILT} is missing: run npm run build first`).toBe(true);
    const code = readFileSync(BUILT, 'utf8');
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    const requires = [...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(requires).toEqual(['electron']);
    expect(code).toContain('exposeInMainWorld("redlens"');
    expect(code).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*\)/);
    expect(code).not.toMatch(/\bprocess\b/);
  });
});
