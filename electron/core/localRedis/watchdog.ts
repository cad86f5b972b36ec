import { spawnNode } from './spawnNode.js';

/**
 * Source of the watchdog process (plain CommonJS, inline so it survives bundling).
 * Protocol on its stdin, one entry per line: "+PID" / "-PID" registers / forgets a process,
 * "+/path" / "-/path" a temp dir. When stdin ends — the parent exited or was SIGKILLed — it
 * SIGKILLs every registered pid, waits (≤ 2 s) for them to go away, removes the registered
 * dirs and exits. Dirs are only removed if their path contains "redlens-harness-".
 */
export const WATCHDOG_SOURCE = `
const fs = require('fs');
const pids = new Set();
const dirs = new Set();
let buffer = '';
let done = false;
function handle(line) {
  const op = line[0];
  const arg = line.slice(1);
  if (op !== '+' && op !== '-') return;
  if (/^\\d+$/.test(arg)) { op === '+' ? pids.add(Number(arg)) : pids.delete(Number(arg)); }
  else if (arg) { op === '+' ? dirs.add(arg) : dirs.delete(arg); }
}
function alive(pid) {
  try { process.kill(pid, 0); } catch (e) { return e.code === 'EPERM'; }
  // A killed orphan may linger as a zombie until its new parent reaps it: that counts as dead.
  try { const stat = fs.readFileSync('/proc/' + pid + '/stat', 'utf8'); return stat[stat.lastIndexOf(')') + 2] !== 'Z'; }
  catch { return true; }
}
function cleanup() {
  if (done) return;
  done = true;
  for (const pid of pids) { try { process.kill(pid, 'SIGKILL'); } catch {} }
  const deadline = Date.now() + 2000;
  (function finish() {
    if ([...pids].some(alive) && Date.now() < deadline) return setTimeout(finish, 20);
    for (const dir of dirs) {
      if (dir.includes('redlens-harness-')) { try { fs.rmSync(dir, { recursive: true, force: true }); } catch {} }
    }
    process.exit(0);
  })();
}
process.on('SIGINT', () => {});
process.on('SIGHUP', () => {});
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  buffer += chunk;
  let i;
  while ((i = buffer.indexOf('\\n')) >= 0) { handle(buffer.slice(0, i).trim()); buffer = buffer.slice(i + 1); }
});
process.stdin.on('end', cleanup);
process.stdin.on('close', cleanup);
process.stdin.on('error', cleanup);
`;

export interface Watchdog {
  /** Pid of the watchdog process itself. */
  readonly pid: number | undefined;
  track(pid: number): void;
  untrack(pid: number): void;
  trackDir(dir: string): void;
  untrackDir(dir: string): void;
  /** Resolves once everything written so far has been handed to the pipe. */
  flush(): Promise<void>;
}

type RuntimeProcess = Pick<NodeJS.Process, 'execPath' | 'versions'>;

const INERT: Watchdog = {
  pid: undefined,
  track: () => {},
  untrack: () => {},
  trackDir: () => {},
  untrackDir: () => {},
  flush: async () => {},
};

/**
 * The Node binary to run the watchdog with, or undefined when there is none: inside Electron,
 * `process.execPath` is the app itself (it would start a second Redlens), and the packaged app
 * cannot be turned into Node either (the RunAsNode fuse is off, see electron-builder.yml).
 */
export function watchdogRuntime(proc: RuntimeProcess): string | undefined {
  return proc.versions.electron ? undefined : proc.execPath;
}

/**
 * Spawns a detached watchdog that kills the tracked pids when this process dies, however it
 * dies. It is unref'd (process and pipe) so it never keeps this process alive. Without a Node
 * binary (Electron) it is inert: the in-process exit and signal hooks of processRegistry.ts
 * still stop everything, only a SIGKILL of the app can leave the sandbox's redis-servers behind.
 */
export function startWatchdog(proc: RuntimeProcess = process): Watchdog {
  const runtime = watchdogRuntime(proc);
  if (!runtime) return INERT;
  const child = spawnNode(runtime, ['-e', WATCHDOG_SOURCE], {
    detached: true,
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  const stdin = child.stdin;
  // If the watchdog dies first, writes fail with EPIPE; the in-process exit hooks still work.
  stdin?.on('error', () => {});
  child.on('error', () => {});
  child.unref();
  (stdin as unknown as { unref?: () => void } | null)?.unref?.();

  const send = (line: string): void => {
    if (stdin && !stdin.destroyed && stdin.writable) stdin.write(`${line}\n`);
  };
  return {
    pid: child.pid,
    track: (pid) => send(`+${pid}`),
    untrack: (pid) => send(`-${pid}`),
    trackDir: (dir) => send(`+${dir}`),
    untrackDir: (dir) => send(`-${dir}`),
    flush: () =>
      new Promise((resolve) => {
        if (!stdin || stdin.destroyed || !stdin.writable) return resolve();
        stdin.write('', () => resolve());
      }),
  };
}
