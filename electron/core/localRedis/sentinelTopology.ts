import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { findRedisServer } from './findRedisServer.js';
import { createTempDir, removeTempDir } from './processRegistry.js';
import { parseInfo, withProbeClient, type Endpoint } from './redisClient.js';
import { dataNodeConfig, sentinelConfig } from './redisConfig.js';
import { startRedisNode, type RedisNode, type RedisNodeSpec } from './redisNode.js';
import { checkAgreement, isLive } from './sentinelAgreement.js';
import { AbortWaitError, waitFor } from './waitFor.js';

export interface SentinelTopologyOptions {
  masterName?: string;
  replicas?: number;
  sentinels?: number;
  quorum?: number;
  downAfterMs?: number;
  failoverTimeoutMs?: number;
  /** requirepass + masterauth on every data node, `sentinel auth-pass` on sentinels. */
  dataPassword?: string;
  /** requirepass + `sentinel sentinel-pass` on every sentinel. */
  sentinelPassword?: string;
}

export interface SentinelTopology {
  masterName: string;
  /** The node started as master (it may not be the master any more after a failover). */
  master: RedisNode;
  replicas: RedisNode[];
  sentinels: RedisNode[];
  /** Master and replicas. */
  dataNodes: RedisNode[];
  sentinelAddresses: Endpoint[];
  dataPassword?: string;
  sentinelPassword?: string;
  /** The master as reported by a live sentinel (`SENTINEL GET-MASTER-ADDR-BY-NAME`). */
  currentMaster(): Promise<Endpoint>;
  nodeAt(port: number): RedisNode | undefined;
  /**
   * Waits until the topology is settled (see checkAgreement) and resolves with the master
   * (`master` if given; never `notMaster`).
   */
  waitForAgreement(opts?: { master?: Endpoint; notMaster?: Endpoint; timeoutMs?: number }): Promise<Endpoint>;
  /** `SENTINEL FAILOVER`, then waits for agreement on a different master. */
  failover(opts?: { timeoutMs?: number }): Promise<{ from: Endpoint; to: Endpoint }>;
  /** Stops every node and removes the temp dir. */
  stop(): Promise<void>;
}

const AGREEMENT_TIMEOUT_MS = 30_000;
// After a failover the old master is only turned into a replica after ~10 s (Sentinel's INFO
// period to replicas), so agreement after a failover needs more time.
const FAILOVER_TIMEOUT_MS = 60_000;

/** Starts nodes in parallel; `started` receives every node that came up, even if others failed. */
async function startNodes(specs: RedisNodeSpec[], started: RedisNode[]): Promise<RedisNode[]> {
  const results = await Promise.allSettled(specs.map((spec) => startRedisNode(spec)));
  for (const r of results) if (r.status === 'fulfilled') started.push(r.value);
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
  return results.map((r) => (r as PromiseFulfilledResult<RedisNode>).value);
}

/** Fails a startup wait at once if a node died (crash, or stopAll() during startup). */
function assertRunning(nodes: readonly RedisNode[]): void {
  const dead = nodes.find((node) => !node.isRunning());
  if (dead) throw new AbortWaitError(`${dead.role} ${dead.address} exited during startup:\n${dead.logTail()}`);
}

function nodeDir(root: string, name: string): string {
  const dir = path.join(root, name);
  mkdirSync(dir);
  return dir;
}

/**
 * 1 master + N replicas + M sentinels, each with its own config file and dir under one temp dir.
 * Resolves once replicas are in sync and all sentinels agree (see checkAgreement).
 */
export async function startSentinelTopology(opts: SentinelTopologyOptions = {}): Promise<SentinelTopology> {
  const masterName = opts.masterName ?? 'mymaster';
  const { dataPassword, sentinelPassword } = opts;
  const redisServer = findRedisServer();
  const root = createTempDir('sentinel');
  const started: RedisNode[] = [];
  try {
    const dataNode = (role: 'master' | 'replica', name: string, replicaOf?: Endpoint): RedisNodeSpec => {
      const dir = nodeDir(root, name);
      return {
        redisServer,
        role,
        dir,
        password: dataPassword,
        config: (port) => dataNodeConfig({ port, dir, password: dataPassword, replicaOf }),
      };
    };
    const [master] = await startNodes([dataNode('master', 'master')], started);
    if (!master) throw new Error('master did not start');
    const replicas = await startNodes(
      Array.from({ length: opts.replicas ?? 2 }, (_, i) => dataNode('replica', `replica-${i + 1}`, master)),
      started,
    );
    // Sentinels learn the replicas from the master's INFO when they connect: start them after.
    await waitFor(
      async () => {
        assertRunning(started);
        for (const replica of replicas) {
          const info = await withProbeClient(replica, dataPassword, async (c) =>
            parseInfo(await c.info('replication')),
          );
          if (info.master_link_status !== 'up') throw new Error(`${replica.address} link ${info.master_link_status}`);
        }
        return true;
      },
      { timeoutMs: 20_000, what: 'replicas to report master_link_status:up' },
    );

    const sentinels = await startNodes(
      Array.from({ length: opts.sentinels ?? 3 }, (_, i) => {
        const dir = nodeDir(root, `sentinel-${i + 1}`);
        return {
          redisServer,
          role: 'sentinel' as const,
          dir,
          password: sentinelPassword,
          config: (port: number) =>
            sentinelConfig({
              port,
              dir,
              masterName,
              master,
              quorum: opts.quorum ?? 2,
              downAfterMs: opts.downAfterMs ?? 1000,
              failoverTimeoutMs: opts.failoverTimeoutMs ?? 10_000,
              dataPassword,
              sentinelPassword,
            }),
        };
      }),
      started,
    );

    const topology = createTopology({ masterName, master, replicas, sentinels, dataPassword, sentinelPassword, root });
    const subject = { masterName, dataNodes: topology.dataNodes, sentinels, dataPassword, sentinelPassword };
    await waitFor(
      async () => {
        assertRunning(started);
        return checkAgreement(subject, { master });
      },
      { timeoutMs: AGREEMENT_TIMEOUT_MS, intervalMs: 200, what: `Sentinel agreement on "${masterName}"` },
    );
    return topology;
  } catch (err) {
    await Promise.allSettled(started.map((node) => node.stop()));
    removeTempDir(root);
    throw err;
  }
}

interface TopologyParts {
  masterName: string;
  master: RedisNode;
  replicas: RedisNode[];
  sentinels: RedisNode[];
  dataPassword?: string;
  sentinelPassword?: string;
  root: string;
}

function createTopology(parts: TopologyParts): SentinelTopology {
  const { masterName, master, replicas, sentinels, dataPassword, sentinelPassword, root } = parts;
  const dataNodes = [master, ...replicas];
  const subject = { masterName, dataNodes, sentinels, dataPassword, sentinelPassword };
  let stopping: Promise<void> | undefined;

  const waitForAgreement = (o: { master?: Endpoint; notMaster?: Endpoint; timeoutMs?: number } = {}) =>
    waitFor(() => checkAgreement(subject, o), {
      timeoutMs: o.timeoutMs ?? AGREEMENT_TIMEOUT_MS,
      intervalMs: 200,
      what: `Sentinel agreement on "${masterName}"`,
    });

  const askSentinels = async <T>(what: string, fn: (sentinel: RedisNode) => Promise<T>): Promise<T> => {
    let lastError: unknown = new Error('no live sentinel');
    for (const sentinel of sentinels.filter(isLive)) {
      try {
        return await fn(sentinel);
      } catch (err) {
        lastError = err;
      }
    }
    throw new Error(`${what}: ${lastError instanceof Error ? lastError.message : String(lastError)}`);
  };

  const currentMaster = () =>
    askSentinels('SENTINEL GET-MASTER-ADDR-BY-NAME', (sentinel) =>
      withProbeClient(sentinel, sentinelPassword, async (client) => {
        const addr = (await client.call('SENTINEL', 'GET-MASTER-ADDR-BY-NAME', masterName)) as string[] | null;
        if (!addr?.[0] || !addr[1]) throw new Error(`sentinel ${sentinel.address} does not know ${masterName}`);
        return { host: addr[0], port: Number(addr[1]) };
      }),
    );

  return {
    masterName,
    master,
    replicas,
    sentinels,
    dataNodes,
    sentinelAddresses: sentinels.map((s) => ({ host: s.host, port: s.port })),
    dataPassword,
    sentinelPassword,
    currentMaster,
    nodeAt: (port) => [...dataNodes, ...sentinels].find((node) => node.port === port),
    waitForAgreement: (o = {}) => waitForAgreement(o),
    async failover(o = {}) {
      const timeoutMs = o.timeoutMs ?? FAILOVER_TIMEOUT_MS;
      // -NOGOODSLAVE / -INPROG while the topology is still settling: wait for agreement first.
      const from = await waitForAgreement({ timeoutMs });
      await waitFor(
        () =>
          askSentinels('SENTINEL FAILOVER', (sentinel) =>
            withProbeClient(sentinel, sentinelPassword, (c) => c.call('SENTINEL', 'FAILOVER', masterName)),
          ),
        { timeoutMs: 10_000, intervalMs: 200, what: 'a sentinel to accept SENTINEL FAILOVER' },
      );
      const to = await waitForAgreement({ notMaster: from, timeoutMs });
      return { from, to };
    },
    stop() {
      stopping ??= (async () => {
        // Sentinels first, so they do not start a failover while the data nodes go down.
        await Promise.allSettled(sentinels.map((node) => node.stop()));
        await Promise.allSettled(dataNodes.map((node) => node.stop()));
        removeTempDir(root);
      })();
      return stopping;
    },
  };
}
