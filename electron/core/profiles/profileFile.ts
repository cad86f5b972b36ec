import type { Stats } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { StorageNotice } from '../../../shared/api/profiles';
import { ApiFailure } from '../api/apiFailure';
import { writeFileAtomic } from './atomicWrite';
import { backupPath, rotateBackups, undoRotation } from './backupGenerations';
import { moveDamagedAside } from './damagedFiles';
import { withFileLock } from './fileLock';
import { stampOf, type FileStamp } from './profilesFileRead';
import { loadState, type LoadedState } from './profilesLoad';
import { serializeProfilesFile, type StoredProfile } from './storedProfile';

const PROFILES_FILE_NAME = 'profiles.json';

export interface LoadedProfiles {
  /** In the user's order. Shared with the cache: never modify it (it is frozen). */
  profiles: readonly StoredProfile[];
  notices: StorageNotice[];
}

/** What a change returns: the new list (omit it to save nothing) and the caller's result. */
export interface Change<T> {
  profiles?: StoredProfile[];
  result: T;
}

export interface ProfileFile {
  load(): Promise<LoadedProfiles>;
  /** Under the lock: re-reads the file (if it changed), applies `change`, writes the result atomically. */
  mutate<T>(change: (profiles: readonly StoredProfile[]) => Change<T>): Promise<T>;
}

/** The parsed main file, valid while the file on disk still has `stamp`. */
interface Cached {
  stamp: FileStamp;
  savedAt: Date;
  profiles: readonly StoredProfile[];
  bytes: Buffer;
}

const storageError = (what: string, e: unknown) =>
  e instanceof ApiFailure
    ? e
    : new ApiFailure('STORAGE_ERROR', `${what}: ${(e as Error).message}. Nothing was changed.`);

const currentStamp = (path: string) => stat(path).then(stampOf, () => undefined);

/**
 * `<dataDir>/profiles.json` with backup generations (backupGenerations.ts). A damaged file is
 * never overwritten or deleted (it is copied or moved aside first); when nothing is usable, or
 * a file is from a newer Redlens, every write is refused. The parsed file is cached in memory
 * and re-read only when it changed on disk (another window or process saved).
 */
export function createProfileFile(dataDir: string): ProfileFile {
  const path = join(dataDir, PROFILES_FILE_NAME);
  const lockPath = `${path}.lock`;
  // Changes from this process queue here instead of polling the file lock against each other.
  let queue: Promise<unknown> = Promise.resolve();
  let cache: Cached | undefined;

  const remember = (
    file: Pick<Stats, 'dev' | 'ino' | 'size' | 'mtime' | 'mtimeMs'>,
    profiles: readonly StoredProfile[],
    bytes: Buffer,
  ) => {
    cache = { stamp: stampOf(file), savedAt: file.mtime, profiles: Object.freeze([...profiles]), bytes };
  };

  const fromCache = (c: Cached): LoadedState => {
    const main = { path, state: { kind: 'ok' as const, ...c } };
    return { profiles: c.profiles, notices: [], main, files: [main] };
  };

  const current = async (): Promise<LoadedState> => {
    if (cache && (await currentStamp(path)) === cache.stamp) return fromCache(cache);
    cache = undefined;
    const state = await loadState(path);
    const main = state.main.state;
    if (main.kind !== 'ok') return state;
    cache = { ...main, profiles: Object.freeze([...main.profiles]) };
    return fromCache(cache);
  };

  const write = async <T>(change: (profiles: readonly StoredProfile[]) => Change<T>): Promise<T> => {
    const state = await current();
    if (state.refuseWrites) throw new ApiFailure('STORAGE_ERROR', state.refuseWrites);
    const { profiles, result } = change(state.profiles);
    if (!profiles) return result;
    for (const file of state.files) {
      if (file.state.kind !== 'damaged' || file.copy) continue;
      await moveDamagedAside(file.path).catch((e: unknown) => {
        throw storageError(`Could not move the damaged file ${file.path} aside before saving`, e);
      });
    }
    const text = Buffer.from(serializeProfilesFile(profiles));
    cache = undefined;
    try {
      // The backup first: whenever the main file holds a state we saved, `.bak.1` holds it too.
      await rotateBackups(path, state.main.state.kind === 'ok' ? state.main.state.bytes : undefined);
      await writeFileAtomic(backupPath(path, 1), text);
    } catch (e) {
      throw storageError(`Could not save the backup of ${path}`, e);
    }
    try {
      remember(await writeFileAtomic(path, text), profiles, text);
    } catch (e) {
      await undoRotation(path);
      throw storageError(`Could not save ${path}`, e);
    }
    return result;
  };

  return {
    load: async () => {
      const { profiles, notices } = await current();
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
