import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Cluster } from 'ioredis';
import { findRedisServer } from '../findRedisServer.js';
import { freePort } from '../freePort.js';
import { createTempDir, removeTempDir } from '../processRegistry.js';
import { parseInfo, withProbeClient } from '../redisClient.js';
import { dataNodeConfig } from '../redisConfig.js';
import { startRedisNode, type RedisNode } from '../redisNode.js';
import { AbortWaitError, waitFor } from '../waitFor.js';

export interface ClusterOptions {
  /** How many masters share the 16384 slots (no replicas). Default 3. */
  masters?: number;
  /** `requirepass` (and `masterauth`) on every node. */
  password?: string;
}

export interface RedisClusterHarness {
  /** The masters, in slot order: node i serves `slots[i]`. */
  nodes: RedisNode[];
  slots: { from: number; to: number }[];
  password?: string;
  /** `CLUSTER KEYSLOT key`. */
  slotOf(key: string | Buffer): Promise<number>;
  /** The node whose slot range holds `key`. */
  nodeFor(key: string | Buffer): Promise<RedisNode>;
  /** A connected cluster client (writes land on the node that owns each key). Caller quits it. */
  client(): Promise<Cluster>;
  /** Stops every node and removes the temp dir. */
  stop(): Promise<void>;
}

const SLOTS = 16384;
const BUS_PORT_ATTEMPTS = 3;

/**
 * A node with `cluster-enabled yes`. Its bus port is set explicitly (`cluster-port`): the default,
 * port + 10000, does not exist for the high ports freePort() hands out. Another process can take
 * the bus port before the node binds it, so a failed start is retried with a fresh one.
 */
async function startClusterNode(redisServer: string, dir: string, password?: string): Promise<RedisNode> {
  for (let attempt = 1; ; attempt++) {
    const busPort = await freePort();
    try {
      return await startRedisNode({
        redisServer,
        role: 'master',
        dir,
        password,
        config: (port) =>
          dataNodeConfig({
            port,
            dir,
            password,
            extraConfig: [
              'cluster-enabled yes',
              'cluster-config-file nodes.conf',
              `cluster-port ${busPort}`,
              'cluster-node-timeout 5000',
            ],
          }),
      });
    } catch (err) {
      if (attempt >= BUS_PORT_ATTEMPTS) throw err;
    }
  }
}

/** Even slot ranges for `n` masters: 0-5460, 5461-10922, 10923-16383 for three. */
export function splitSlots(n: number): { from: number; to: number }[] {
  return Array.from({ length: n }, (_, i) => ({
    from: Math.floor((i * SLOTS) / n),
    to: Math.floor(((i + 1) * SLOTS) / n) - 1,
  }));
}

/**
 * A small Redis Cluster on free loopback ports: N masters, the slots split evenly, joined by hand
 * (`CLUSTER ADDSLOTSRANGE`, `CLUSTER MEET`). Resolves once every node says `cluster_state:ok`
 * and knows every other node, so each one answers MOVED for keys it does not own.
 */
export async function startCluster(opts: ClusterOptions = {}): Promise<RedisClusterHarness> {
  const count = opts.masters ?? 3;
  const { password } = opts;
  const redisServer = findRedisServer();
  const root = createTempDir('cluster');
  const nodes: RedisNode[] = [];
  const stopNodes = () => Promise.allSettled(nodes.map((n) => n.stop()));
  try {
    const results = await Promise.allSettled(
      Array.from({ length: count }, (_, i) => {
        const dir = path.join(root, `node-${i + 1}`);
        mkdirSync(dir);
        return startClusterNode(redisServer, dir, password);
      }),
    );
    for (const r of results) if (r.status === 'fulfilled') nodes.push(r.value);
    const failed = results.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;

    const slots = splitSlots(count);
    const first = nodes[0]!;
    await Promise.all(
      nodes.map((node, i) =>
        withProbeClient(node, password, async (c) => {
          await c.call('CLUSTER', 'ADDSLOTSRANGE', slots[i]!.from, slots[i]!.to);
          const bus = Number(await c.config('GET', 'cluster-port').then((r) => (r as string[])[1]));
          if (node !== first) {
            await withProbeClient(first, password, (f) => f.call('CLUSTER', 'MEET', node.host, node.port, bus));
          }
        }),
      ),
    );
    await waitFor(
      async () => {
        for (const node of nodes) {
          if (!node.isRunning()) throw new AbortWaitError(`cluster node ${node.address} exited:\n${node.logTail()}`);
          const info = await withProbeClient(node, password, async (c) =>
            parseInfo(String(await c.call('CLUSTER', 'INFO'))),
          );
          if (info.cluster_state !== 'ok' || Number(info.cluster_known_nodes) !== count) return false;
          if (Number(info.cluster_slots_ok) !== SLOTS) return false;
        }
        return true;
      },
      { timeoutMs: 30_000, intervalMs: 100, what: `${count} cluster nodes to agree (cluster_state:ok)` },
    );

    const slotOf = (key: string | Buffer) =>
      withProbeClient(first, password, async (c) => Number(await c.call('CLUSTER', 'KEYSLOT', key)));
    return {
      nodes,
      slots,
      password,
      slotOf,
      async nodeFor(key) {
        const slot = await slotOf(key);
        return nodes[slots.findIndex((r) => slot >= r.from && slot <= r.to)]!;
      },
      async client() {
        const cluster = new Cluster(
          nodes.map((n) => ({ host: n.host, port: n.port })),
          { redisOptions: { password }, lazyConnect: true },
        );
        await cluster.connect();
        return cluster;
      },
      async stop() {
        await stopNodes();
        removeTempDir(root);
      },
    };
  } catch (err) {
    await stopNodes();
    removeTempDir(root);
    throw err;
  }
}
