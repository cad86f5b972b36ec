import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export interface DataDirSources {
  env: NodeJS.ProcessEnv;
  /** Electron's `app.getPath('userData')`, when running on the desktop. */
  electronUserData?: string;
  home?: string;
}

/**
 * Where Redlens keeps its files: `REDLENS_HOME` wins; else Electron's userData on the desktop;
 * else the XDG config dir (`$XDG_CONFIG_HOME/redlens`, default `~/.config/redlens`).
 */
export function resolveDataDir({ env, electronUserData, home = homedir() }: DataDirSources): string {
  if (env['REDLENS_HOME']) return resolve(env['REDLENS_HOME']);
  if (electronUserData) return electronUserData;
  const xdg = env['XDG_CONFIG_HOME'];
  return join(xdg && xdg.startsWith('/') ? xdg : join(home, '.config'), 'redlens');
}

/** Creates the directory (private to the user) if needed and returns it. */
export function ensureDataDir(dir: string): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}
