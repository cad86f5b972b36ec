import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandalone, stopAll, trackedPids, waitFor } from './testSupport/index.js';
import { compileForNode, isProcessAlive } from './testSupport/compileForNode.js';

// A separate node process that starts a server through the (compiled) harness, reports it, and
// then either idles until the test kills it or exits abruptly without stopping anything.
const CHILD = `
const { startStandalone } = await import(process.argv[1]);
const server = await startStandalone();
process.stdout.write('ready ' + server.node.pid + ' ' + server.node.dir + '\\n');
if (process.argv[2] === 'exit') process.exit(3);
setInterval(() => {}, 1000);
`;

describe('process cleanup', () => {
  let compiled: ReturnType<typeof compileForNode>;
  beforeAll(() => {
    compiled = compileForNode();
  });
  afterAll(() => compiled.dispose());

  async function startChild(mode: 'idle' | 'exit') {
    const child = spawn(process.execPath, ['--input-type=module', '-e', CHILD, compiled.testSupportEntry, mode], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const [, pid, dir] = await waitFor(async () => /ready (\d+) (.+)\n/.exec(out) ?? undefined, {
      timeoutMs: 20_000,
      what: 'the child process to start redis-server',
    });
    return { child, redisPid: Number(pid), dir: dir! };
  }

  async function expectCleanedUp(redisPid: number, dir: string) {
    await waitFor(async () => !isProcessAlive(redisPid), {
      timeoutMs: 10_000,
      what: `redis-server ${redisPid} to die`,
    });
    await waitFor(async () => !existsSync(dir), { timeoutMs: 10_000, what: `${dir} to be removed` });
  }

  for (const signal of ['SIGKILL', 'SIGTERM', 'SIGINT'] as const) {
    it(`kills the redis-server of a harness process that gets ${signal}`, async () => {
      const { child, redisPid, dir } = await startChild('idle');
      expect(isProcessAlive(redisPid)).toBe(true);
      child.kill(signal);
      await expectCleanedUp(redisPid, dir);
      await waitFor(async () => child.signalCode ?? undefined, { timeoutMs: 10_000, what: 'the child to exit' });
      // The handlers re-raise the signal, so the process still dies *by* it.
      expect(child.signalCode).toBe(signal);
    });
  }

  it('kills the redis-server of a harness process that exits without stopping it', async () => {
    const { child, redisPid, dir } = await startChild('exit');
    await expectCleanedUp(redisPid, dir);
    await waitFor(async () => child.exitCode ?? undefined, { timeoutMs: 10_000, what: 'the child to exit' });
    expect(child.exitCode).toBe(3);
  });

  it('stopAll() stops every server started in this process and removes their dirs', async () => {
    const servers = await Promise.all([startStandalone(), startStandalone({ password: 'pw' })]);
    const pids = servers.map((s) => s.node.pid);
    expect(trackedPids()).toEqual(expect.arrayContaining(pids));
    await stopAll();
    expect(pids.filter((pid) => isProcessAlive(pid))).toEqual([]);
    expect(servers.filter((s) => existsSync(s.node.dir))).toEqual([]);
    expect(trackedPids()).toEqual([]);
  });
});
