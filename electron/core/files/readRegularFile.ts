import { constants, type Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';

/** Why a file could not be read: the OS refused (errno), not a regular file, too big, too slow. */
export type ReadProblem =
  | { kind: 'os'; errno: string }
  | { kind: 'not-a-file' }
  | { kind: 'too-large'; maxBytes: number }
  | { kind: 'timeout'; timeoutMs: number };

export class FileReadError extends Error {
  constructor(readonly problem: ReadProblem) {
    super(`file read failed: ${problem.kind === 'os' ? problem.errno : problem.kind}`);
    this.name = 'FileReadError';
  }
}

export interface ReadLimits {
  maxBytes: number;
  timeoutMs: number;
}

// O_NONBLOCK: opening a FIFO must not wait for a writer (it would hold a libuv thread for
// ever); the fstat below then refuses it. Windows has neither flag (constants lack them).
const FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);
const CHUNK = 64 * 1024;

async function readBounded(handle: FileHandle, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    // One byte more than allowed tells a file that grew past the limit since fstat.
    const want = Math.min(CHUNK, maxBytes + 1 - total);
    const { bytesRead, buffer } = await handle.read(Buffer.alloc(want), 0, want, null);
    if (bytesRead === 0) return Buffer.concat(chunks, total);
    chunks.push(buffer.subarray(0, bytesRead));
    total += bytesRead;
    if (total > maxBytes) throw new FileReadError({ kind: 'too-large', maxBytes });
  }
}

async function openAndRead(path: string, maxBytes: number, opened: (h: FileHandle) => void) {
  let handle: FileHandle;
  try {
    handle = await open(path, FLAGS);
  } catch (e) {
    throw new FileReadError({ kind: 'os', errno: (e as NodeJS.ErrnoException).code ?? 'EIO' });
  }
  opened(handle);
  try {
    const stats = await handle.stat();
    // Checked on the opened file, not the path: a swap after a path check cannot slip through.
    if (!stats.isFile()) throw new FileReadError({ kind: 'not-a-file' });
    if (stats.size > maxBytes) throw new FileReadError({ kind: 'too-large', maxBytes });
    return { bytes: await readBounded(handle, maxBytes), stats };
  } catch (e) {
    if (e instanceof FileReadError) throw e;
    throw new FileReadError({ kind: 'os', errno: (e as NodeJS.ErrnoException).code ?? 'EIO' });
  }
}

/**
 * Reads a file a user (or anyone able to call the API) named, safely: regular files only (no
 * FIFO, device or folder), at most `maxBytes`, within `timeoutMs`. Failures are FileReadErrors
 * carrying an errno or a kind, never any of the file's content.
 */
export async function readRegularFile(path: string, limits: ReadLimits): Promise<{ bytes: Buffer; stats: Stats }> {
  let handle: FileHandle | undefined;
  let timedOut = false;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      timedOut = true;
      reject(new FileReadError({ kind: 'timeout', timeoutMs: limits.timeoutMs }));
    }, limits.timeoutMs);
  });
  const work = openAndRead(path, limits.maxBytes, (h) => (handle = h));
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
    // After a timeout the read may still be running: close once it settles, not under it.
    if (timedOut) void work.catch(() => undefined).finally(() => handle?.close().catch(() => undefined));
    else await handle?.close().catch(() => undefined);
  }
}
