import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureDataDir, resolveDataDir } from './dataDir';

describe('resolveDataDir', () => {
  it('REDLENS_HOME wins over everything', () => {
    expect(resolveDataDir({ env: { REDLENS_HOME: '/srv/rl' }, electronUserData: '/ud', home: '/home/u' })).toBe(
      '/srv/rl',
    );
  });
  it('uses Electron userData on the desktop', () => {
    expect(resolveDataDir({ env: { XDG_CONFIG_HOME: '/x' }, electronUserData: '/ud', home: '/home/u' })).toBe('/ud');
  });
  it('uses the XDG config dir in web mode', () => {
    expect(resolveDataDir({ env: { XDG_CONFIG_HOME: '/x' }, home: '/home/u' })).toBe('/x/redlens');
    expect(resolveDataDir({ env: {}, home: '/home/u' })).toBe('/home/u/.config/redlens');
    // A relative XDG_CONFIG_HOME is invalid per the spec and ignored.
    expect(resolveDataDir({ env: { XDG_CONFIG_HOME: 'rel' }, home: '/home/u' })).toBe('/home/u/.config/redlens');
  });
  it('creates the directory private to the user', () => {
    const base = mkdtempSync(join(tmpdir(), 'redlens-datadir-'));
    try {
      const dir = ensureDataDir(join(base, 'a', 'b'));
      expect(statSync(dir).mode & 0o777).toBe(0o700);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });
});
