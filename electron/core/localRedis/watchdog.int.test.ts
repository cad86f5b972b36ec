import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from './testSupport/index.js';
import { startWatchdog } from './watchdog.js';
import { compileForNode, isProcessAlive } from './testSupport/compileForNode.js';

/** A long-lived dummy process that only dies if someone kills it. */
function spawnDummy(): ChildProcess {
  return spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
}
const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

// The intermediate process: starts a watchdog, tracks the victim and a dir, tracks then untracks
// the survivor, reports "ready <watchdogPid>" once the lines are in the pipe, then idles.
const INTERMEDIATE = `
const { startWatchdog } = await import(process.argv[1]);
const [victimPid, survivorPid, dir] = process.argv.slice(2);
const wd = startWatchdog();
wd.track(Number(victimPid));
wd.track(Number(survivorPid));
wd.untrack(Number(survivorPid));
wd.trackDir(dir);
await wd.flush();
process.stdout.write('ready ' + wd.pid + '\\n');
setInterval(() => {}, 1000);
`;

describe('watchdog', () => {
  const cleanup: Array<() => void> = [];
  afterEach(() => {
    for (const fn of cleanup.splice(0)) fn();
  });

  it('SIGKILLs tracked pids (only those) and removes tracked dirs when its parent is SIGKILLed', async () => {
    const compiled = compileForNode();
    const trackedDir = path.join(compiled.dir, 'redlens-harness-tracked');
    mkdirSync(trackedDir);
    const victim = spawnDummy();
    const survivor = spawnDummy();
    const intermediate = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        INTERMEDIATE,
        compiled.resolve('electron/core/localRedis/watchdog.js'),
        String(victim.pid),
        String(survivor.pid),
        trackedDir,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    cleanup.push(() => {
      for (const child of [intermediate, victim, survivor]) child.kill('SIGKILL');
      compiled.dispose();
    });
    let out = '';
    intermediate.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const watchdogPid = await waitFor(async () => Number(/ready (\d+)/.exec(out)?.[1]) || undefined, {
      timeoutMs: 10_000,
      what: 'the intermediate process to start its watchdog',
    });

    // Nothing happens while the parent lives: the watchdog does not kill on its own.
    expect(isProcessAlive(watchdogPid)).toBe(true);
    expect(hasExited(intermediate)).toBe(false);
    expect(hasExited(victim)).toBe(false);

    intermediate.kill('SIGKILL');
    await waitFor(async () => hasExited(victim), { timeoutMs: 10_000, what: 'the watchdog to kill the tracked pid' });
    expect(victim.signalCode).toBe('SIGKILL');
    // Once the watchdog has exited it is done: the tracked dir is gone, the untracked pid lives.
    await waitFor(async () => !isProcessAlive(watchdogPid), { timeoutMs: 10_000, what: 'the watchdog to exit' });
    expect(existsSync(trackedDir)).toBe(false);
    expect(hasExited(survivor)).toBe(false);
    expect(isProcessAlive(survivor.pid!)).toBe(true);
  });

  // Inside Electron, process.execPath is the app: without ELECTRON_RUN_AS_NODE=1 it would start a
  // second Redlens. A stand-in runtime that refuses to run without the variable proves every
  // spawn of the runtime sets it.
  it('runs its runtime with ELECTRON_RUN_AS_NODE=1', async () => {
    const compiled = compileForNode();
    const report = path.join(compiled.dir, 'runtime-report');
    const standIn = path.join(compiled.dir, 'app-binary');
    writeFileSync(
      standIn,
      `#!/bin/sh\nif [ "$ELECTRON_RUN_AS_NODE" != 1 ]; then echo refused > "${report}"; exit 3; fi\n` +
        `echo node > "${report}"\nexec "${process.execPath}" "$@"\n`,
    );
    chmodSync(standIn, 0o755);
    const wd = startWatchdog({ execPath: standIn, versions: process.versions });
    cleanup.push(() => {
      if (wd.pid) process.kill(wd.pid, 'SIGKILL');
      compiled.dispose();
    });
    const ran = await waitFor(async () => (existsSync(report) ? readFileSync(report, 'utf8').trim() : undefined), {
      timeoutMs: 10_000,
      what: 'the stand-in runtime to be started',
    });
    expect(ran).toBe('node');
  });
});
