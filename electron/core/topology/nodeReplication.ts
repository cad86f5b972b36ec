import type { NodeReplication } from '../../../shared/api/topology';
import { parseInfo } from '../redis/parseInfo';
import { formatAddress } from '../redis/nodeErrors';

/** `INFO replication` of a data node, plus the fields lag is computed from. */
export interface ReplicationInfo extends NodeReplication {
  /** Replica: seconds since it last heard from its master (link up), or since the link broke. */
  lastIoSeconds?: number;
}

const num = (value: string | undefined): number | undefined => {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
};

export function parseReplication(text: string): ReplicationInfo {
  const r = parseInfo(text)['replication'] ?? {};
  if (r['role'] !== 'slave') {
    return {
      role: 'master',
      offset: num(r['master_repl_offset']) ?? 0,
      connectedReplicas: num(r['connected_slaves']) ?? 0,
    };
  }
  const linkUp = r['master_link_status'] === 'up';
  const lastIo = linkUp ? num(r['master_last_io_seconds_ago']) : num(r['master_link_down_since_seconds']);
  return {
    role: 'replica',
    masterAddress: formatAddress(r['master_host'] ?? '', num(r['master_port']) ?? 0),
    linkStatus: linkUp ? 'up' : 'down',
    offset: num(r['slave_repl_offset']) ?? 0,
    ...(lastIo !== undefined && lastIo >= 0 && { lastIoSeconds: lastIo }),
  };
}

/** Bytes and seconds a replica is behind `master` (only when it follows that master). */
export function replicationLag(
  replica: ReplicationInfo | undefined,
  master: ReplicationInfo | undefined,
  masterAddress: string | null,
): { lagBytes?: number; lagSeconds?: number } {
  if (!replica || replica.role !== 'replica' || replica.masterAddress !== masterAddress) return {};
  const lagBytes = master?.role === 'master' ? Math.max(0, master.offset - replica.offset) : undefined;
  return {
    ...(lagBytes !== undefined && { lagBytes }),
    ...(replica.lastIoSeconds !== undefined && { lagSeconds: replica.lastIoSeconds }),
  };
}
