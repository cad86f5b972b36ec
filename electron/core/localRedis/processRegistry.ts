import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startWatchdog, type Watchdog } from './watchdog.js';

/**
 * Everything localRedis started in this process, so it can always be cleaned up:
 * - `stopAll()` stops live nodes gracefully and removes temp dirs;
 * - on `exit` / SIGINT / SIGTERM / SIGHUP the pids are SIGKILLed synchronously;
 * - a detached watchdog (see watchdog.ts) covers the case where this process is SIGKILLed.
 */

interface Stoppable {
  stop(): Promise<void>;
}

const livePids = new Map<number, Stoppable>();
const tempDirs = new Set<string>();
let watchdog: Watchdog | undefined;
let hooksInstalled = false;

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function killAllNow(): void {
  for (const pid of livePids.keys()) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  livePids.clear();
  for (const dir of tempDirs) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // a just-killed process may still be writing; the watchdog retries once they are gone
    }
  }
  tempDirs.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  // Someone else (e.g. the sandbox CLI) handles this signal and will stop things gracefully;
  // the exit hook and the watchdog remain as a safety net.
  if (process.listenerCount(signal) > 1) return;
  killAllNow();
  // Restore the default behaviour (terminate by this signal) now that children are gone.
  process.removeListener(signal, onSignal);
  process.kill(process.pid, signal);
}

function ensureHooks(): Watchdog {
  if (!hooksInstalled) {
    hooksInstalled = true;
    process.on('exit', killAllNow);
    for (const signal of SIGNALS) process.on(signal, onSignal);
  }
  watchdog ??= startWatchdog();
  return watchdog;
}

/** Registers a running child process; `owner.stop()` is what `stopAll()` calls for it. */
export function trackProcess(pid: number, owner: Stoppable): void {
  ensureHooks().track(pid);
  livePids.set(pid, owner);
}

/** Call once the process has exited. */
export function untrackProcess(pid: number): void {
  if (livePids.delete(pid)) watchdog?.untrack(pid);
}

/** Creates `os.tmpdir()/redlens-harness-<label>-XXXXXX`, removed by `removeTempDir`/`stopAll`/exit. */
export function createTempDir(label: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `redlens-harness-${label}-`));
  ensureHooks().trackDir(dir);
  tempDirs.add(dir);
  return dir;
}

export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  if (tempDirs.delete(dir)) watchdog?.untrackDir(dir);
}

/** Stops every process this module started (gracefully) and removes every temp dir. */
export async function stopAll(): Promise<void> {
  const owners = new Set(livePids.values());
  await Promise.allSettled([...owners].map((owner) => owner.stop()));
  for (const dir of [...tempDirs]) removeTempDir(dir);
}

/** Pids currently registered (for diagnostics and tests). */
export function trackedPids(): number[] {
  return [...livePids.keys()];
}
