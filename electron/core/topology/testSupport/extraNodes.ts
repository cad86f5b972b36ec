// Adds a node to a running harness deployment (a sentinel or a replica joining later), so
// tests can check the watcher picks it up without a reload. Stop it with `node.stop()` and
// `removeTempDir(dir)`.
import { findRedisServer } from '../../localRedis/findRedisServer';
import { createTempDir, removeTempDir } from '../../localRedis/processRegistry';
import { dataNodeConfig, sentinelConfig } from '../../localRedis/redisConfig';
import { startRedisNode, type RedisNode } from '../../localRedis/redisNode';
import type { SentinelTopology } from '../../localRedis/testSupport';

export interface ExtraNode {
  node: RedisNode;
  stop(): Promise<void>;
}

async function started(node: Promise<RedisNode>, dir: string): Promise<ExtraNode> {
  const ready = await node;
  return {
    node: ready,
    async stop() {
      await ready.stop();
      removeTempDir(dir);
    },
  };
}

export function addSentinel(topo: SentinelTopology, master: { host: string; port: number }): Promise<ExtraNode> {
  const dir = createTempDir('extra-sentinel');
  const node = startRedisNode({
    redisServer: findRedisServer(),
    role: 'sentinel',
    dir,
    password: topo.sentinelPassword,
    config: (port) =>
      sentinelConfig({
        port,
        dir,
        masterName: topo.masterName,
        master,
        quorum: 2,
        downAfterMs: 1000,
        failoverTimeoutMs: 5000,
        dataPassword: topo.dataPassword,
        sentinelPassword: topo.sentinelPassword,
      }),
  });
  return started(node, dir);
}

export function addReplica(topo: SentinelTopology, master: { host: string; port: number }): Promise<ExtraNode> {
  const dir = createTempDir('extra-replica');
  const node = startRedisNode({
    redisServer: findRedisServer(),
    role: 'replica',
    dir,
    password: topo.dataPassword,
    config: (port) => dataNodeConfig({ port, dir, password: topo.dataPassword, replicaOf: master }),
  });
  return started(node, dir);
}
