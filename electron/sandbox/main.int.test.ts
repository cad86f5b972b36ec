import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../core/localRedis/testSupport/index.js';
import { compileForNode, isProcessAlive, type CompiledTree } from '../core/localRedis/testSupport/compileForNode.js';

// The real CLI entry in its own node process (transpiled, as the Vite bundle would be).
describe('sandbox CLI (main.ts)', () => {
  let compiled: CompiledTree;
  beforeAll(() => {
    compiled = compileForNode(['electron/core/localRedis', 'electron/sandbox']);
  });
  afterAll(() => compiled.dispose());

  function runCli(args: string[]) {
    const child = spawn(process.execPath, [compiled.resolve('electron/sandbox/main.js'), ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const result = { child, output: '' };
    child.stdout.on('data', (chunk: Buffer) => (result.output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (result.output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    return {
      ...result,
      get output() {
        return result.output;
      },
      exited,
    };
  }

  it('exits with code 2 and usage on an unknown flag', async () => {
    const cli = runCli(['--bogus']);
    expect(await cli.exited).toBe(2);
    expect(cli.output).toContain('Unknown option: --bogus');
    expect(cli.output).toContain('Usage:');
  });

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`runs until ${signal}, then stops everything and says so`, async () => {
      const cli = runCli(['--replicas', '1', '--sentinels', '1']);
      try {
        await waitFor(async () => cli.output.includes('Press Ctrl-C to stop.'), {
          timeoutMs: 30_000,
          what: 'the sandbox to be ready',
        });
        const pids = [...cli.output.matchAll(/pid (\d+)/g)].map((m) => Number(m[1]));
        const dataDir = /Data dirs & logs:\s+(\S+)/.exec(cli.output)![1]!;
        expect(pids).toHaveLength(3);
        expect(pids.every(isProcessAlive)).toBe(true);

        cli.child.kill(signal);
        expect(await cli.exited).toBe(0);
        expect(cli.output).toContain('Sandbox stopped');
        expect(pids.filter(isProcessAlive)).toEqual([]);
        expect(existsSync(dataDir)).toBe(false);
      } finally {
        cli.child.kill('SIGKILL');
      }
    });
  }
});
