import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { link, open, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';

const PRIVATE = 0o600;

const tempPathFor = (target: string) => `${target}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`;

/** Writes a private temp file next to `target`, flushes it to disk, and says what it wrote. */
async function writeTemp(
  target: string,
  data: string | Uint8Array,
  durable = true,
): Promise<{ temp: string; stats: Stats }> {
  const temp = tempPathFor(target);
  const handle = await open(temp, 'wx', PRIVATE);
  let stats: Stats;
  try {
    await handle.writeFile(data);
    if (durable) await handle.sync();
    stats = await handle.stat();
  } catch (e) {
    await handle.close();
    await unlink(temp).catch(() => undefined);
    throw e;
  }
  await handle.close();
  return { temp, stats };
}

/** Makes a rename/link durable: the directory entry itself must reach the disk too. */
async function syncDir(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Some platforms (Windows) and file systems cannot fsync a directory; the data is synced.
  } finally {
    await handle?.close();
  }
}

/**
 * Replaces `target` so that a reader (or a crash) sees either the old or the new content, never
 * a mix: temp file in the same directory + fsync + rename + fsync of the directory. Mode 0600.
 * Returns the written file's stats (same inode, size and mtime as `target` now has), taken
 * before the rename so they describe our content even if someone replaces it right after.
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<Stats> {
  const { temp, stats } = await writeTemp(target, data);
  try {
    await rename(temp, target);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw e;
  }
  await syncDir(dirname(target));
  return stats;
}

/**
 * Creates `target` with its full content, or fails with EEXIST if it exists. A hard link is
 * atomic and exclusive, so nobody ever sees the file half-written (unlike open('wx') + write).
 * `durable: false` skips the fsyncs, for short-lived files such as locks.
 */
export async function createFileAtomic(
  target: string,
  data: string | Uint8Array,
  { durable = true }: { durable?: boolean } = {},
): Promise<void> {
  const { temp } = await writeTemp(target, data, durable);
  try {
    await link(temp, target);
  } finally {
    await unlink(temp).catch(() => undefined);
  }
  if (durable) await syncDir(dirname(target));
}
