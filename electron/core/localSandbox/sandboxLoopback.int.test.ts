import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxStarted } from '../../../shared/api/sandbox';
import { createCore, type Core } from '../createCore';

// The sandbox's Redis nodes run without a password, so they must be reachable from this machine
// only: every node listens on 127.0.0.1 and refuses connections to the machine's other addresses.
let dataDir: string;
let core: Core;
let started: SandboxStarted;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'redlens-sandbox-loopback-'));
  core = createCore({ version: '0.0.0-test', host: 'web', dataDir });
  const result = await core.invoke('sandbox.start', {});
  if (!result.ok) throw new Error(result.error.message);
  started = result.value;
});
afterAll(async () => {
  await core?.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

/** What a TCP connect to host:port does: 'connected', or the error code. */
function tryConnect(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.setTimeout(3_000, () => socket.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
  });
}

const externalAddresses = Object.values(networkInterfaces())
  .flat()
  .filter((a) => a && !a.internal && a.family === 'IPv4')
  .map((a) => a!.address);

describe('the local sandbox listens on loopback only', () => {
  const nodes = () => [started.topology.master, ...started.topology.replicas, ...started.topology.sentinels];

  it('reports every node on 127.0.0.1, reachable there (without a password)', async () => {
    expect(nodes().length).toBeGreaterThanOrEqual(4);
    for (const node of nodes()) {
      expect(node.host).toBe('127.0.0.1');
      expect(await tryConnect('127.0.0.1', node.port)).toBe('connected');
    }
  });

  it.skipIf(externalAddresses.length === 0)('refuses connections on the machine’s other addresses', async () => {
    for (const address of externalAddresses) {
      for (const node of nodes()) expect(await tryConnect(address, node.port)).toBe('ECONNREFUSED');
    }
  });
});
