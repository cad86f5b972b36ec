import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { StorageNotice } from '../../../shared/api/profiles';
import { ApiFailure } from '../api/apiFailure';
import { writeFileAtomic } from './atomicWrite';
import { moveDamagedAside, preserveDamagedCopy } from './damagedFiles';
import { withFileLock } from './fileLock';
import { readProfilesFile, type FileState } from './profilesFileRead';
import { backupLoaded, backupUnusable, newerVersion, nothingUsable } from './storageNotices';
import { serializeProfilesFile, type StoredProfile } from './storedProfile';

const PROFILES_FILE_NAME = 'profiles.json';

export interface LoadedProfiles {
  /** In the user's order. */
  profiles: StoredProfile[];
  notices: StorageNotice[];
}

/** What a change returns: the new list (omit it to save nothing) and the caller's result. */
export interface Change<T> {
  profiles?: StoredProfile[];
  result: T;
}

export interface ProfileFile {
  load(): Promise<LoadedProfiles>;
  /** Under the lock: re-reads the file, applies `change`, writes the result atomically. */
  mutate<T>(change: (profiles: StoredProfile[]) => Change<T>): Promise<T>;
}

interface FileOnDisk {
  path: string;
  state: FileState;
  /** Where a damaged file's bytes were copied, if they were. */
  copy?: string;
}

interface State extends LoadedProfiles {
  /** Why saving must be refused (nothing may be overwritten), if it must. */
  refuseWrites?: string;
  main: FileOnDisk;
  backup?: FileOnDisk;
}

async function inspect(path: string): Promise<FileOnDisk> {
  const state = await readProfilesFile(path);
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
      : '';

/** Reads the main file, falling back to the backup; decides what to show and whether saving is safe. */
async function loadState(mainPath: string, backupPath: string): Promise<State> {
  const main = await inspect(mainPath);
  if (main.state.kind === 'ok') return { profiles: main.state.profiles, notices: [], main };
  if (main.state.kind === 'newer') {
    const message = newerVersion(mainPath, main.state.version);
    return { profiles: [], notices: [{ level: 'error', message }], refuseWrites: message, main };
  }
  const backup = await inspect(backupPath);
  const base = { main, backup };
  if (backup.state.kind === 'ok') {
    const notice = backupLoaded({
      mainPath,
      reason: main.state.kind === 'damaged' ? main.state.reason : undefined,
      mainCopy: main.copy,
      backupPath,
      backupSavedAt: backup.state.savedAt,
      backupCount: backup.state.profiles.length,
    });
    return { ...base, profiles: backup.state.profiles, notices: [notice] };
  }
  if (main.state.kind === 'damaged') {
    const message = nothingUsable({
      mainPath,
      reason: main.state.reason,
      mainCopy: main.copy,
      backupPath,
      backupReason: backup.state.kind === 'missing' ? undefined : reasonOf(backup),
    });
    return { ...base, profiles: [], notices: [{ level: 'error', message }], refuseWrites: message };
  }
  // No main file (a first start, or it was deleted): the backup alone decides.
  switch (backup.state.kind) {
    case 'missing':
      return { ...base, profiles: [], notices: [] };
    case 'newer': {
      const message = newerVersion(backupPath, backup.state.version);
      return { ...base, profiles: [], notices: [{ level: 'error', message }], refuseWrites: message };
    }
    case 'damaged':
      return {
        ...base,
        profiles: [],
        notices: [backupUnusable({ backupPath, reason: backup.state.reason, backupCopy: backup.copy })],
      };
  }
}

const storageError = (what: string, e: unknown) =>
  new ApiFailure('STORAGE_ERROR', `${what}: ${(e as Error).message}. Nothing was changed.`);

/**
 * `<dataDir>/profiles.json` with a `.bak` of the last good version. A damaged file is never
 * overwritten or deleted (it is copied or moved aside first); when neither file is usable,
 * or the file is from a newer Redlens, every write is refused.
 */
export function createProfileFile(dataDir: string): ProfileFile {
  const path = join(dataDir, PROFILES_FILE_NAME);
  const backupPath = `${path}.bak`;
  const lockPath = `${path}.lock`;
  // Changes from this process queue here instead of polling the file lock against each other.
  let queue: Promise<unknown> = Promise.resolve();

  const write = async <T>(change: (profiles: StoredProfile[]) => Change<T>): Promise<T> => {
    const state = await loadState(path, backupPath);
    if (state.refuseWrites) throw new ApiFailure('STORAGE_ERROR', state.refuseWrites);
    const { profiles, result } = change(state.profiles);
    if (!profiles) return result;
    for (const file of [state.main, state.backup]) {
      if (file?.state.kind !== 'damaged' || file.copy) continue;
      await moveDamagedAside(file.path).catch((e: unknown) => {
        throw storageError(`Could not move the damaged file ${file.path} aside before saving`, e);
      });
    }
    try {
      if (state.main.state.kind === 'ok') await writeFileAtomic(backupPath, state.main.state.bytes);
      await writeFileAtomic(path, serializeProfilesFile(profiles));
    } catch (e) {
      throw storageError(`Could not save ${path}`, e);
    }
    return result;
  };

  return {
    load: async () => {
      const { profiles, notices } = await loadState(path, backupPath);
      return { profiles, notices };
    },
    mutate: (change) => {
      const run = queue.then(async () => {
        await mkdir(dataDir, { recursive: true, mode: 0o700 }).catch((e: unknown) => {
          throw storageError(`Could not create the data folder ${dataDir}`, e);
        });
        return withFileLock(lockPath, () => write(change));
      });
      queue = run.catch(() => undefined);
      return run;
    },
  };
}
