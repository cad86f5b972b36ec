import type { StorageNotice } from '../../../shared/api/profiles';
import { ApiFailure } from '../api/apiFailure';
import { fallbackPaths } from './backupGenerations';
import { preserveDamagedCopy } from './damagedFiles';
import { readProfilesFile, type FileState } from './profilesFileRead';
import { salvageNames } from './salvageNames';
import { backupUnusable, newerVersion, nothingUsable, profilesRestored, unreadableFile } from './storageNotices';
import type { StoredProfile } from './storedProfile';

export interface FileOnDisk {
  path: string;
  state: FileState;
  /** Where a damaged file's bytes were copied, if they were. */
  copy?: string;
}

export interface LoadedState {
  /** In the user's order. */
  profiles: readonly StoredProfile[];
  notices: StorageNotice[];
  /** Why saving must be refused (nothing may be overwritten), if it must. */
  refuseWrites?: string;
  main: FileOnDisk;
  /** Every file looked at, main first: the writer moves damaged ones aside before saving. */
  files: FileOnDisk[];
}

async function inspect(path: string): Promise<FileOnDisk> {
  const state = await readProfilesFile(path);
  if (state.kind === 'unreadable') {
    // Maybe only for now (EMFILE, EACCES…): never treat it as damage, never write over it.
    throw new ApiFailure('STORAGE_ERROR', unreadableFile(path, state.errno), { file: path, errno: state.errno });
  }
  if (state.kind !== 'damaged' || !state.bytes) return { path, state };
  // Copy the damaged bytes aside right away, so the notice can say where they are.
  const copy = await preserveDamagedCopy(path, state.bytes).catch(() => undefined);
  return { path, state, copy };
}

const reasonOf = (f: FileOnDisk) =>
  f.state.kind === 'damaged'
    ? f.state.reason
    : f.state.kind === 'newer'
      ? `it is in a newer format (${f.state.version})`
      : undefined;

function refused(message: string, main: FileOnDisk, files: FileOnDisk[]): LoadedState {
  return { profiles: [], notices: [{ level: 'error', message }], refuseWrites: message, main, files };
}

/** Loaded from `backup` because every newer file in `files` was unusable: say what came back. */
function restored(main: FileOnDisk, files: FileOnDisk[], backup: FileOnDisk & { state: { kind: 'ok' } }) {
  const newer = files.filter((f) => f !== backup);
  const inBackup = new Set(backup.state.profiles.map((p) => p.name));
  const legible = newer.flatMap((f) =>
    f.state.kind === 'damaged' && f.state.bytes ? salvageNames(f.state.bytes) : [],
  );
  const notice = profilesRestored({
    file: main.path,
    reason: reasonOf(main),
    damagedCopy: main.copy,
    backup: backup.path,
    backupSavedAt: backup.state.savedAt.toISOString(),
    restored: backup.state.profiles.length,
    skipped: newer.slice(1).map((f) => ({ file: f.path, reason: reasonOf(f) })),
    missing: [...new Set(legible)].filter((name) => !inBackup.has(name)),
    // `.bak.1` holds the latest save; anything older may lack the last changes.
    older: backup.path !== fallbackPaths(main.path)[0],
  });
  return { profiles: backup.state.profiles, notices: [notice], main, files };
}

/**
 * Reads the main file; if it is damaged or missing, the newest usable backup. Decides what to
 * show and whether saving is safe. A file the OS would not let us read fails the whole load
 * (STORAGE_ERROR): it may be fine, so no backup replaces it.
 */
export async function loadState(mainPath: string): Promise<LoadedState> {
  const main = await inspect(mainPath);
  const files = [main];
  if (main.state.kind === 'ok') return { profiles: main.state.profiles, notices: [], main, files };
  if (main.state.kind === 'newer') return refused(newerVersion(mainPath, main.state.version), main, files);

  for (const path of fallbackPaths(mainPath)) {
    const backup = await inspect(path);
    files.push(backup);
    if (backup.state.kind === 'newer') return refused(newerVersion(path, backup.state.version), main, files);
    if (backup.state.kind === 'ok') return restored(main, files, backup as FileOnDisk & { state: { kind: 'ok' } });
  }

  const damagedBackup = files.slice(1).find((f) => f.state.kind === 'damaged');
  if (main.state.kind === 'damaged') {
    const message = nothingUsable({
      mainPath,
      reason: main.state.reason,
      mainCopy: main.copy,
      backupPath: damagedBackup?.path ?? fallbackPaths(mainPath)[0]!,
      backupReason: damagedBackup && reasonOf(damagedBackup),
    });
    return refused(message, main, files);
  }
  // No main file and no usable backup: a first start, or only broken backups are left.
  if (!damagedBackup) return { profiles: [], notices: [], main, files };
  const notice = backupUnusable({
    backupPath: damagedBackup.path,
    reason: reasonOf(damagedBackup) ?? '',
    backupCopy: damagedBackup.copy,
  });
  return { profiles: [], notices: [notice], main, files };
}
