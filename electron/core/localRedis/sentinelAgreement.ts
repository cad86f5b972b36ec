import type { Redis } from 'ioredis';
import { pairsToObject, parseInfo, withProbeClient, type Endpoint } from './redisClient.js';
import type { RedisNode } from './redisNode.js';

/** What the agreement check needs to know about a topology. */
export interface AgreementSubject {
  masterName: string;
  dataNodes: readonly RedisNode[];
  sentinels: readonly RedisNode[];
  dataPassword?: string;
  sentinelPassword?: string;
}

export interface MasterExpectation {
  /** The master every sentinel must report. */
  master?: Endpoint;
  /** A master no sentinel may report any more (used after a failover). */
  notMaster?: Endpoint;
}

interface SentinelView {
  sentinel: RedisNode;
  master: Endpoint;
  masterFlags: string;
  healthyReplicaPorts: number[];
  healthySentinelPorts: number[];
}

/** A paused process is alive but deaf: it cannot take part in an agreement. */
export const isLive = (node: RedisNode): boolean => node.isRunning() && !node.paused;

const BAD_FLAGS = ['s_down', 'o_down', 'disconnected'];
const SETTLING_FLAGS = ['failover_in_progress', 'promoted', 'reconf_sent', 'reconf_inprog'];
const hasAny = (flags: string, names: string[]): boolean => flags.split(',').some((flag) => names.includes(flag));

function samePorts(a: number[], b: number[]): boolean {
  const sortedA = [...a].sort((x, y) => x - y);
  const sortedB = [...b].sort((x, y) => x - y);
  return sortedA.length === sortedB.length && sortedA.every((port, i) => port === sortedB[i]);
}

async function sentinelView(subject: AgreementSubject, sentinel: RedisNode): Promise<SentinelView> {
  return withProbeClient(sentinel, subject.sentinelPassword, async (client: Redis) => {
    const name = subject.masterName;
    const addr = (await client.call('SENTINEL', 'GET-MASTER-ADDR-BY-NAME', name)) as string[] | null;
    if (!addr?.[0] || !addr[1]) throw new Error(`sentinel ${sentinel.address} does not know ${name}`);
    const master = pairsToObject(await client.call('SENTINEL', 'MASTER', name));
    const healthyPorts = (reply: unknown): number[] =>
      (reply as unknown[])
        .map(pairsToObject)
        .filter((entry) => !hasAny(entry.flags ?? '', BAD_FLAGS))
        .map((entry) => Number(entry.port));
    return {
      sentinel,
      master: { host: addr[0], port: Number(addr[1]) },
      masterFlags: master.flags ?? '',
      healthyReplicaPorts: healthyPorts(await client.call('SENTINEL', 'REPLICAS', name)),
      healthySentinelPorts: healthyPorts(await client.call('SENTINEL', 'SENTINELS', name)),
    };
  });
}

async function replicationInfo(node: RedisNode, password?: string): Promise<Record<string, string>> {
  return withProbeClient(node, password, async (client) => parseInfo(await client.info('replication')));
}

/**
 * One probe of the topology. Returns the agreed master when: every live sentinel reports the
 * same master (matching `expect`), with no down/failover flags; that master is a live data node
 * whose INFO says role:master; every other live data node replicates it with the link up; and
 * each sentinel sees exactly the live replicas and the other live sentinels, none flagged down.
 * Otherwise throws an error saying what is not settled yet (shown if waitFor times out).
 */
export async function checkAgreement(subject: AgreementSubject, expect: MasterExpectation = {}): Promise<Endpoint> {
  const sentinels = subject.sentinels.filter(isLive);
  if (sentinels.length === 0) throw new Error('no live sentinel');
  const views = await Promise.all(sentinels.map((sentinel) => sentinelView(subject, sentinel)));

  const first = views[0]!;
  const master = first.master;
  for (const view of views) {
    const where = `sentinel ${view.sentinel.address}`;
    if (view.master.port !== master.port || view.master.host !== master.host) {
      throw new Error(`${where} says master is ${view.master.port}, ${first.sentinel.address} says ${master.port}`);
    }
    if (hasAny(view.masterFlags, [...BAD_FLAGS, ...SETTLING_FLAGS])) {
      throw new Error(`${where} flags the master: ${view.masterFlags}`);
    }
  }
  if (expect.master && expect.master.port !== master.port) {
    throw new Error(`sentinels report master ${master.port}, expected ${expect.master.port}`);
  }
  if (expect.notMaster && expect.notMaster.port === master.port) {
    throw new Error(`sentinels still report the old master ${master.port}`);
  }

  const dataNodes = subject.dataNodes.filter(isLive);
  const masterNode = dataNodes.find((node) => node.port === master.port);
  if (!masterNode) throw new Error(`reported master ${master.port} is not a live data node`);
  const replicas = dataNodes.filter((node) => node !== masterNode);
  const masterInfo = await replicationInfo(masterNode, subject.dataPassword);
  if (masterInfo.role !== 'master') throw new Error(`${masterNode.address} has role ${masterInfo.role}`);
  for (const replica of replicas) {
    const info = await replicationInfo(replica, subject.dataPassword);
    if (info.role !== 'slave' || Number(info.master_port) !== master.port || info.master_link_status !== 'up') {
      throw new Error(
        `${replica.address}: role ${info.role}, master ${info.master_port}, link ${info.master_link_status}`,
      );
    }
  }

  const replicaPorts = replicas.map((node) => node.port);
  for (const view of views) {
    if (!samePorts(view.healthyReplicaPorts, replicaPorts)) {
      throw new Error(
        `sentinel ${view.sentinel.address} sees replicas [${view.healthyReplicaPorts}], expected [${replicaPorts}]`,
      );
    }
    const otherPorts = sentinels.filter((s) => s !== view.sentinel).map((s) => s.port);
    if (!samePorts(view.healthySentinelPorts, otherPorts)) {
      throw new Error(
        `sentinel ${view.sentinel.address} sees sentinels [${view.healthySentinelPorts}], expected [${otherPorts}]`,
      );
    }
  }
  return { host: master.host, port: master.port };
}
