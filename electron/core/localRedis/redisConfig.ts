import path from 'node:path';
import type { Endpoint } from './redisClient.js';

/** Quotes a value for redis.conf (double quotes, backslash escapes). */
export function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export const LOG_FILE = 'redis.log';

function commonConfig(port: number, dir: string): string[] {
  return [
    `port ${port}`,
    'bind 127.0.0.1',
    'protected-mode no',
    'daemonize no',
    `dir ${quote(dir)}`,
    `logfile ${quote(path.join(dir, LOG_FILE))}`,
  ];
}

export interface DataNodeConfigOptions {
  port: number;
  dir: string;
  /** `requirepass` (and `masterauth`, so the node can follow a master after a failover). */
  password?: string;
  replicaOf?: Endpoint;
  user?: { username: string; password: string };
  extraConfig?: string[];
}

export function dataNodeConfig(o: DataNodeConfigOptions): string[] {
  const lines = [...commonConfig(o.port, o.dir), 'save ""', 'appendonly no'];
  if (o.password !== undefined) {
    lines.push(`requirepass ${quote(o.password)}`, `masterauth ${quote(o.password)}`);
  }
  if (o.user) lines.push(`user ${quote(o.user.username)} on ${quote(`>${o.user.password}`)} ~* &* +@all`);
  if (o.replicaOf) lines.push(`replicaof ${o.replicaOf.host} ${o.replicaOf.port}`);
  // Full syncs straight over the socket, without waiting for more replicas: fast topology start.
  lines.push('repl-diskless-sync yes', 'repl-diskless-sync-delay 0');
  return [...lines, ...(o.extraConfig ?? [])];
}

export interface SentinelConfigOptions {
  port: number;
  dir: string;
  masterName: string;
  master: Endpoint;
  quorum: number;
  downAfterMs: number;
  failoverTimeoutMs: number;
  dataPassword?: string;
  sentinelPassword?: string;
}

export function sentinelConfig(o: SentinelConfigOptions): string[] {
  const name = o.masterName;
  const lines = [
    ...commonConfig(o.port, o.dir),
    `sentinel monitor ${name} ${o.master.host} ${o.master.port} ${o.quorum}`,
    `sentinel down-after-milliseconds ${name} ${o.downAfterMs}`,
    `sentinel failover-timeout ${name} ${o.failoverTimeoutMs}`,
    `sentinel parallel-syncs ${name} 1`,
  ];
  if (o.dataPassword !== undefined) lines.push(`sentinel auth-pass ${name} ${quote(o.dataPassword)}`);
  if (o.sentinelPassword !== undefined) {
    // Sentinels connect to each other too, so they need the password they require.
    lines.push(`requirepass ${quote(o.sentinelPassword)}`, `sentinel sentinel-pass ${quote(o.sentinelPassword)}`);
  }
  return lines;
}
