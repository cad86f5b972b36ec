import { existsSync } from 'node:fs';
import { Redis } from 'ioredis';
import { describe, expect, it, onTestFinished } from 'vitest';
import { trackedPids, waitFor } from '../core/localRedis/testSupport/index.js';
import { runSandbox } from './runSandbox.js';

function isGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

describe('runSandbox', () => {
  it('rejects unknown flags with usage and exit code 2', async () => {
    const lines: string[] = [];
    expect(await runSandbox(['--nope'], (l) => lines.push(l))).toBe(2);
    expect(lines.join('\n')).toMatch(/Unknown option: --nope[\s\S]*Usage: npm run sandbox/);
  });

  it('rejects bad values with exit code 2', async () => {
    for (const argv of [['--replicas', 'two'], ['--quorum'], ['--sentinels', '1', '--quorum', '2']]) {
      const lines: string[] = [];
      expect(await runSandbox(argv, (l) => lines.push(l))).toBe(2);
      expect(lines.join('\n')).toContain('Usage:');
    }
  });

  it('prints --help with exit code 0', async () => {
    const lines: string[] = [];
    expect(await runSandbox(['--help'], (l) => lines.push(l))).toBe(0);
    expect(lines.join('\n')).toContain('--sentinel-password');
  });

  it('starts a topology, prints how to reach it, and stops everything on request', async () => {
    const lines: string[] = [];
    const stop = new AbortController();
    onTestFinished(() => stop.abort()); // also on failure, so nothing outlives the test
    const argv = [
      '--password',
      'pw',
      '--sentinel-password=spw',
      '--master-name',
      'sandboxed',
      '--replicas',
      '1',
      '--sentinels',
      '2',
      '--quorum',
      '1',
    ];
    const running = runSandbox(argv, (l) => lines.push(l), { stopSignal: stop.signal });

    const url = await waitFor(async () => lines.find((l) => l.includes('redis-sentinel://')), {
      timeoutMs: 30_000,
      what: 'the sandbox to print the Sentinel URL',
    });
    const output = lines.join('\n');
    const match = /redis-sentinel:\/\/(127\.0\.0\.1:\d+),(127\.0\.0\.1:\d+)#sandboxed/.exec(url);
    expect(match).not.toBeNull();
    expect(output).toMatch(/master\s+127\.0\.0\.1:\d+/);
    expect(output).toMatch(/replica\s+127\.0\.0\.1:\d+/);
    expect(output).toMatch(/redis-cli -p \d+ -a pw --no-auth-warning/);
    expect(output).toContain('Listens on 127.0.0.1 only.');
    const masterPort = Number(/master\s+127\.0\.0\.1:(\d+)/.exec(output)![1]);
    const pids = [...output.matchAll(/pid (\d+)/g)].map((m) => Number(m[1]));
    expect(pids).toHaveLength(4);
    const dataDir = /Data dirs & logs:\s+(\S+)/.exec(output)![1]!;

    // The printed addresses and passwords work with a Sentinel-aware client.
    const [s1, s2] = [match![1]!, match![2]!].map((a) => ({ host: '127.0.0.1', port: Number(a.split(':')[1]) }));
    const client = new Redis({
      sentinels: [s1!, s2!],
      name: 'sandboxed',
      password: 'pw',
      sentinelPassword: 'spw',
      lazyConnect: true,
    });
    await client.connect();
    expect(await client.set('hello', 'sandbox')).toBe('OK');
    expect(await client.config('GET', 'port')).toEqual(['port', String(masterPort)]);
    client.disconnect();

    stop.abort();
    expect(await running).toBe(0);
    expect(lines.at(-1)).toMatch(/Sandbox stopped/);
    expect(pids.filter((pid) => !isGone(pid))).toEqual([]);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('stops cleanly when asked to stop while still starting', async () => {
    const lines: string[] = [];
    const stop = new AbortController();
    const running = runSandbox([], (l) => lines.push(l), { stopSignal: stop.signal });
    // Let it get as far as spawning processes, then interrupt.
    await waitFor(async () => trackedPids().length > 0, {
      timeoutMs: 10_000,
      intervalMs: 5,
      what: 'a process to spawn',
    });
    stop.abort();
    expect(await running).toBe(0);
    expect(lines.at(-1)).toBe('Sandbox stopped.');
    expect(trackedPids()).toEqual([]);
  });
});
