import { describe, expect, it } from 'vitest';
import { startWatchdog, watchdogRuntime } from './watchdog';

// Inside Electron, process.execPath is the app, not Node: spawning it with `-e` would start a
// second Redlens (and with the RunAsNode fuse off it can never act as Node).
const electronProcess = { execPath: '/opt/Redlens/redlens', versions: { ...process.versions, electron: '45.4.1' } };

describe('watchdog runtime', () => {
  it('runs the watchdog with Node, never with the Electron binary', () => {
    expect(watchdogRuntime(process)).toBe(process.execPath);
    expect(watchdogRuntime(electronProcess)).toBeUndefined();
  });

  it('is inert inside Electron: nothing is spawned', async () => {
    const wd = startWatchdog(electronProcess);
    expect(wd.pid).toBeUndefined();
    await expect(wd.flush()).resolves.toBeUndefined();
  });
});
