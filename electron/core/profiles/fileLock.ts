import { randomUUID } from 'node:crypto';
import { link, readFile, rename, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { ApiFailure } from '../api/apiFailure';
import { createFileAtomic } from './atomicWrite';

export interface FileLockOptions {
  /** A lock older than this is abandoned (its holder hung or died on another host). */
  staleMs?: number;
  /** Give up waiting after this long. */
  timeoutMs?: number;
}

interface LockOwner {
  pid: number;
  host: string;
  at: number;
  token: string;
}

const errno = (e: unknown) => (e as NodeJS.ErrnoException).code;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function parseOwner(text: string): Partial<LockOwner> {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Partial<LockOwner>) : {};
  } catch {
    return {};
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errno(e) === 'EPERM';
  }
}

/** The lock's raw text and whether it is abandoned; undefined when it vanished meanwhile. */
async function inspect(lockPath: string, staleMs: number): Promise<{ text: string; stale: boolean } | undefined> {
  try {
    const [text, info] = await Promise.all([readFile(lockPath, 'utf8'), stat(lockPath)]);
    const owner = parseOwner(text);
    const deadHere = owner.host === hostname() && typeof owner.pid === 'number' && !isAlive(owner.pid);
    return { text, stale: deadHere || Date.now() - info.mtimeMs > staleMs };
  } catch (e) {
    if (errno(e) === 'ENOENT') return undefined;
    throw e;
  }
}

/**
 * Removes an abandoned lock without ever removing a fresh one: move it aside first, then check
 * it is still the one judged stale (another process may have replaced it in between); if not,
 * put it back.
 */
async function breakStaleLock(lockPath: string, staleText: string): Promise<void> {
  const aside = `${lockPath}.stale-${randomUUID()}`;
  try {
    await rename(lockPath, aside);
  } catch (e) {
    if (errno(e) === 'ENOENT') return;
    throw e;
  }
  if ((await readFile(aside, 'utf8')) !== staleText) await link(aside, lockPath).catch(() => undefined);
  await unlink(aside);
}

async function release(lockPath: string, token: string): Promise<void> {
  const text = await readFile(lockPath, 'utf8').catch(() => '');
  // Only our own lock: if we were judged stale, the file now belongs to someone else.
  if (parseOwner(text).token === token) await unlink(lockPath).catch(() => undefined);
}

function describeHolder(text: string): string {
  const owner = parseOwner(text);
  const since = typeof owner.at === 'number' ? ` since ${new Date(owner.at).toISOString()}` : '';
  return typeof owner.pid === 'number'
    ? `process ${owner.pid} on ${owner.host ?? 'an unknown host'}${since}`
    : 'another process';
}

/**
 * Runs `fn` while holding `lockPath`, a file created exclusively that names its holder (pid,
 * host, time). Works across processes; a lock whose holder died, or that is older than
 * `staleMs`, is taken over.
 */
export async function withFileLock<T>(
  lockPath: string,
  fn: () => Promise<T>,
  options: FileLockOptions = {},
): Promise<T> {
  const staleMs = options.staleMs ?? 10_000;
  const deadline = Date.now() + (options.timeoutMs ?? staleMs + 5_000);
  const token = randomUUID();
  for (;;) {
    const owner: LockOwner = { pid: process.pid, host: hostname(), at: Date.now(), token };
    try {
      await createFileAtomic(lockPath, JSON.stringify(owner), { durable: false });
      break;
    } catch (e) {
      if (errno(e) !== 'EEXIST') {
        throw new ApiFailure('STORAGE_ERROR', `Could not create the lock file ${lockPath}: ${(e as Error).message}`);
      }
    }
    const holder = await inspect(lockPath, staleMs);
    if (holder?.stale) {
      await breakStaleLock(lockPath, holder.text);
      continue;
    }
    if (Date.now() > deadline) {
      throw new ApiFailure(
        'STORAGE_ERROR',
        `The profiles are being changed by ${describeHolder(holder?.text ?? '')} (lock file ${lockPath}); nothing was saved. Try again in a moment.`,
      );
    }
    await sleep(5 + Math.random() * 20);
  }
  try {
    return await fn();
  } finally {
    await release(lockPath, token);
  }
}
