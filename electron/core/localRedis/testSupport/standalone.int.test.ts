import { afterEach, describe, expect, it } from 'vitest';
import { startStandalone, type StandaloneServer } from './index.js';

describe('startStandalone (real redis-server)', () => {
  const servers: StandaloneServer[] = [];
  const start = async (opts?: Parameters<typeof startStandalone>[0]) => {
    const server = await startStandalone(opts);
    servers.push(server);
    return server;
  };
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.stop()));
  });

  it('starts on a free loopback port and answers PING', async () => {
    const server = await start();
    expect(server.host).toBe('127.0.0.1');
    expect(server.node.address).toBe(`127.0.0.1:${server.port}`);
    expect(server.node.role).toBe('standalone');
    const client = await server.node.client();
    try {
      expect(await client.ping()).toBe('PONG');
      expect(await client.config('GET', 'save')).toEqual(['save', '']);
      expect(await client.config('GET', 'dir')).toEqual(['dir', server.node.dir]);
    } finally {
      client.disconnect();
    }
  });

  it('requires the password and supports an ACL user', async () => {
    const server = await start({ password: 's3cret', user: { username: 'alice', password: 'wonder' } });
    const ok = await server.node.client();
    expect(await ok.ping()).toBe('PONG');
    ok.disconnect();

    await expect(
      server.node.client({ password: 'wrong', retryStrategy: () => null, maxRetriesPerRequest: 0 }),
    ).rejects.toThrow(/WRONGPASS/);

    const alice = await server.node.client({ username: 'alice', password: 'wonder' });
    expect(await alice.acl('WHOAMI')).toBe('alice');
    await alice.set('k', 'v');
    expect(await alice.get('k')).toBe('v');
    alice.disconnect();
  });

  it('kill() + restart() brings it back on the same port', async () => {
    const server = await start();
    const { port, pid: oldPid } = server.node;
    await server.node.kill();
    expect(server.node.isRunning()).toBe(false);
    expect(() => process.kill(oldPid, 0)).toThrow(/ESRCH/);

    await server.node.restart();
    expect(server.node.isRunning()).toBe(true);
    expect(server.node.port).toBe(port);
    expect(server.node.pid).not.toBe(oldPid);
    const client = await server.node.client();
    expect(await client.ping()).toBe('PONG');
    client.disconnect();
  });

  it('pause() makes commands time out until resume()', async () => {
    const server = await start();
    const client = await server.node.client({ commandTimeout: 300, maxRetriesPerRequest: 0 });
    client.on('error', () => {});
    try {
      await server.node.pause();
      await expect(client.ping()).rejects.toThrow(/timed out/i);
      await server.node.resume();
      expect(await client.ping()).toBe('PONG');
    } finally {
      client.disconnect();
    }
  });

  it('reports the log tail when redis-server refuses to start', async () => {
    await expect(startStandalone({ extraConfig: ['no-such-directive yes'] })).rejects.toThrow(
      /failed to start[\s\S]*last log lines[\s\S]*no-such-directive/,
    );
  });

  it('stop() ends the process and removes its temp dir', async () => {
    const { existsSync } = await import('node:fs');
    const server = await start();
    const { pid, dir } = server.node;
    expect(existsSync(dir)).toBe(true);
    await server.stop();
    expect(() => process.kill(pid, 0)).toThrow(/ESRCH/);
    expect(existsSync(dir)).toBe(false);
  });
});
