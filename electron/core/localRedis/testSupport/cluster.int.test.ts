import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countKeys, startCluster, splitSlots, type RedisClusterHarness } from './index.js';

describe('startCluster (real redis-server --cluster-enabled)', () => {
  let cluster: RedisClusterHarness;
  beforeAll(async () => {
    cluster = await startCluster({ password: 'pw' });
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  it('splits the slots evenly, every slot once', () => {
    const ranges = splitSlots(3);
    expect(ranges[0]?.from).toBe(0);
    expect(ranges.at(-1)?.to).toBe(16383);
    for (let i = 1; i < ranges.length; i++) expect(ranges[i]?.from).toBe(ranges[i - 1]!.to + 1);
  });

  it('starts 3 masters that own every slot and send MOVED for keys they do not own', async () => {
    expect(cluster.nodes).toHaveLength(3);
    const client = await cluster.client();
    try {
      for (let i = 0; i < 20; i++) await client.set(`k:${i}`, String(i));
    } finally {
      client.disconnect();
    }
    let total = 0;
    for (const node of cluster.nodes) {
      const c = await node.client();
      total += await countKeys(c, '*');
      c.disconnect();
    }
    expect(total).toBe(20);

    const owner = await cluster.nodeFor('k:1');
    const other = cluster.nodes.find((n) => n !== owner)!;
    const slot = await cluster.slotOf('k:1');
    const c = await other.client();
    try {
      await expect(c.get('k:1')).rejects.toThrow(`MOVED ${slot} ${owner.address}`);
    } finally {
      c.disconnect();
    }
  });
});
