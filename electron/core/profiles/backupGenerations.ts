import { rename } from 'node:fs/promises';
import { writeFileAtomic } from './atomicWrite';

/**
 * Backups of the profiles file: `.bak.1` always holds the latest saved state (written before the
 * main file on every save), `.bak.2` the save before, `.bak.3` the one before that. So a damaged
 * or deleted main file loses nothing, and a bad save can still be undone by hand.
 */
export const BACKUP_GENERATIONS = 3;

export const backupPath = (main: string, generation: number) => `${main}.bak.${generation}`;

/** The single, one-save-behind backup older Redlens versions kept: read as a last resort, never written. */
export const legacyBackupPath = (main: string) => `${main}.bak`;

/** Where to look when the main file is unusable, newest first. */
export const fallbackPaths = (main: string): string[] => [
  ...Array.from({ length: BACKUP_GENERATIONS }, (_, i) => backupPath(main, i + 1)),
  legacyBackupPath(main),
];

const errno = (e: unknown) => (e as NodeJS.ErrnoException).code;

/** rename() that reports whether there was anything to move. */
async function moveIfThere(from: string, to: string): Promise<boolean> {
  try {
    await rename(from, to);
    return true;
  } catch (e) {
    if (errno(e) === 'ENOENT') return false;
    throw e;
  }
}

/**
 * Makes room for a new `.bak.1`: `.bak.2` → `.bak.3`, `.bak.1` → `.bak.2` (each rename replaces
 * the older file). Without a `.bak.1` (the first save after an upgrade), `previous` — the main
 * file's content before this save — becomes `.bak.2`.
 */
export async function rotateBackups(main: string, previous: Uint8Array | undefined): Promise<void> {
  for (let generation = BACKUP_GENERATIONS - 1; generation >= 2; generation--) {
    await moveIfThere(backupPath(main, generation), backupPath(main, generation + 1));
  }
  const moved = await moveIfThere(backupPath(main, 1), backupPath(main, 2));
  if (!moved && previous) await writeFileAtomic(backupPath(main, 2), previous);
}

/** After a failed save: `.bak.2` (the state the main file still holds) back to `.bak.1`. Best effort. */
export async function undoRotation(main: string): Promise<void> {
  await moveIfThere(backupPath(main, 2), backupPath(main, 1)).catch(() => undefined);
}
