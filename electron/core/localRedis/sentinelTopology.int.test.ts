import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSentinelTopology, type Endpoint, type SentinelTopology } from './testSupport/index.js';

function isGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

// One topology, used by the tests in order (starting one costs ~3 s, a failover ~11 s).
describe('startSentinelTopology (real redis-server --sentinel)', { timeout: 120_000 }, () => {
  let t: SentinelTopology;
  let newMaster: Endpoint;
  beforeAll(async () => {
    t = await startSentinelTopology({ dataPassword: 'data-pw', sentinelPassword: 'sentinel-pw' });
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
  });

  it('starts 1 master, 2 replicas, 3 sentinels that agree on the master', async () => {
    expect(t.masterName).toBe('mymaster');
    expect(t.dataNodes.map((n) => n.role)).toEqual(['master', 'replica', 'replica']);
    expect(t.sentinels.map((n) => n.role)).toEqual(['sentinel', 'sentinel', 'sentinel']);
    expect(t.sentinelAddresses).toEqual(t.sentinels.map((s) => ({ host: '127.0.0.1', port: s.port })));
    expect(await t.currentMaster()).toEqual({ host: '127.0.0.1', port: t.master.port });
    expect(t.nodeAt(t.replicas[0]!.port)).toBe(t.replicas[0]);

    // Sentinels require their own password, not the data password.
    await expect(t.sentinels[0]!.client({ password: 'data-pw', retryStrategy: () => null })).rejects.toThrow(
      /WRONGPASS|invalid password/i,
    );
    const sentinel = await t.sentinels[0]!.client();
    const replicas = (await sentinel.call('SENTINEL', 'REPLICAS', 'mymaster')) as unknown[];
    expect(replicas).toHaveLength(2);
    sentinel.disconnect();

    // A Sentinel-aware client finds the master and can write through it.
    const viaSentinel = new Redis({
      sentinels: t.sentinelAddresses,
      name: t.masterName,
      password: t.dataPassword,
      sentinelPassword: t.sentinelPassword,
      lazyConnect: true,
    });
    await viaSentinel.connect();
    await viaSentinel.set('before-failover', '1');
    viaSentinel.disconnect();
  });

  it('fails over to a former replica and the sentinels agree on it', async () => {
    const { from, to } = await t.failover();
    newMaster = to;
    expect(from.port).toBe(t.master.port);
    expect(t.replicas.map((r) => r.port)).toContain(to.port);
    expect(await t.currentMaster()).toEqual(to);

    const client = await t.nodeAt(to.port)!.client();
    expect((await client.call('ROLE')) as unknown[]).toContain('master');
    expect(await client.get('before-failover')).toBe('1');
    client.disconnect();
    // The old master now follows the new one.
    const old = await t.master.client();
    expect(((await old.call('ROLE')) as unknown[])[0]).toBe('slave');
    old.disconnect();
    // Sentinels rewrote their config files (kept for restart()).
    const conf = readFileSync(path.join(t.sentinels[0]!.dir, 'sentinel.conf'), 'utf8');
    expect(conf).toContain(`sentinel monitor mymaster 127.0.0.1 ${to.port}`);
  });

  it('agreement follows killed and restarted nodes (restart keeps the rewritten config)', async () => {
    const oldMaster = t.master;
    const sentinel = t.sentinels[2]!;
    const oldPid = oldMaster.pid;
    await Promise.all([oldMaster.kill(), sentinel.kill()]);
    expect(isGone(oldPid)).toBe(true);
    // Only the live nodes count: sentinels must flag the dead ones down first.
    await t.waitForAgreement({ master: newMaster });

    await Promise.all([oldMaster.restart(), sentinel.restart()]);
    expect(oldMaster.isRunning() && sentinel.isRunning()).toBe(true);
    // Back as a replica of the new master, from its rewritten redis.conf.
    expect(readFileSync(oldMaster.confPath, 'utf8')).toMatch(new RegExp(`replicaof 127\\.0\\.0\\.1 ${newMaster.port}`));
    await t.waitForAgreement({ master: newMaster, timeoutMs: 20_000 });
  });

  it('stop() leaves no process and no temp dir behind', async () => {
    const nodes = [...t.dataNodes, ...t.sentinels];
    const pids = nodes.map((n) => n.pid);
    expect(pids.every((pid) => !isGone(pid))).toBe(true);
    await t.stop();
    expect(pids.filter((pid) => !isGone(pid))).toEqual([]);
    expect(nodes.map((n) => n.dir).filter((dir) => existsSync(dir))).toEqual([]);
    expect(existsSync(path.dirname(t.master.dir))).toBe(false);
  });
});
