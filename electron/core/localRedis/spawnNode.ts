import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

/**
 * The one way product code runs a script with `process.execPath`. Inside Electron that path is
 * the app itself, which starts a second Redlens unless ELECTRON_RUN_AS_NODE=1 is set (harmless in
 * plain Node), so it is always set here. A lint rule (eslint.config.js) forbids `process.execPath`
 * anywhere else in product code. Note: the packaged app turns the RunAsNode fuse off, so callers
 * that may run in Electron must still decide whether a Node runtime exists (see watchdogRuntime).
 */
export function spawnNode(runtime: string, args: readonly string[], options: SpawnOptions = {}): ChildProcess {
  return spawn(runtime, args, { ...options, env: { ...(options.env ?? process.env), ELECTRON_RUN_AS_NODE: '1' } });
}
