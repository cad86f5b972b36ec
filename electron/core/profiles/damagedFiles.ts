import { readdir, readFile, rename, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { createFileAtomic } from './atomicWrite';

const errno = (e: unknown) => (e as NodeJS.ErrnoException).code;

/** `profiles.json.corrupt-2026-11-23T10-15-30-123Z` (plus `-2`, `-3`… if taken). */
const corruptName = (path: string, attempt: number) =>
  `${path}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}${attempt > 1 ? `-${attempt}` : ''}`;

/** An earlier copy of exactly these bytes, so reading a damaged file twice does not copy it twice. */
async function findExistingCopy(path: string, bytes: Buffer): Promise<string | undefined> {
  const prefix = `${basename(path)}.corrupt-`;
  for (const name of await readdir(dirname(path))) {
    if (!name.startsWith(prefix)) continue;
    const candidate = join(dirname(path), name);
    try {
      if ((await stat(candidate)).size === bytes.length && (await readFile(candidate)).equals(bytes)) return candidate;
    } catch {
      // Gone or unreadable: not our copy.
    }
  }
  return undefined;
}

async function firstFreeName(path: string, place: (target: string) => Promise<void>): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const target = corruptName(path, attempt);
    try {
      await place(target);
      return target;
    } catch (e) {
      if (errno(e) !== 'EEXIST' || attempt >= 100) throw e;
    }
  }
}

/** Keeps a damaged file's bytes in `<path>.corrupt-<time>` (or an identical earlier copy); returns where. */
export async function preserveDamagedCopy(path: string, bytes: Buffer): Promise<string> {
  return (await findExistingCopy(path, bytes)) ?? firstFreeName(path, (target) => createFileAtomic(target, bytes));
}

/** For a damaged file we could not read: move it aside (never delete it) before replacing it. */
export async function moveDamagedAside(path: string): Promise<string> {
  return firstFreeName(path, async (target) => {
    // rename() would replace an existing target; refuse that like an exclusive create.
    if (
      await stat(target).then(
        () => true,
        () => false,
      )
    )
      throw Object.assign(new Error('exists'), { code: 'EEXIST' });
    await rename(path, target);
  });
}
