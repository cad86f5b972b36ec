import type Redis from 'ioredis';
import type { InstanceFlags } from '../../../shared/api/topology';
import { formatAddress } from '../redis/nodeErrors';
import { masterAddress, toEntries, type SentinelEntry } from '../redis/sentinelReplies';

/** One sentinel's answers in one poll round. */
export interface SentinelAnswer {
  /** `SENTINEL MASTERS`: every master it monitors. */
  masters: SentinelEntry[];
  /** Its entry for the watched master, when it monitors it. */
  master: SentinelEntry | undefined;
  replicas: SentinelEntry[];
  /** The other sentinels it knows for the master. */
  sentinels: SentinelEntry[];
  /** `GET-MASTER-ADDR-BY-NAME`. */
  masterAddress: string | null;
  /** `SENTINEL CKQUORUM`: could a failover be authorized now; undefined when it cannot say. */
  ckquorum?: CkQuorum;
}

export interface CkQuorum {
  ok: boolean;
  /** The usable sentinels it counted (`OK 3 usable Sentinels…`, `NOQUORUM 1 usable…`). */
  usable?: number;
}

/** `CKQUORUM`'s reply: an OK status or a NOQUORUM error; anything else (an old Sentinel) says nothing. */
export function parseCkQuorum(result: [Error | null, unknown] | undefined): CkQuorum | undefined {
  if (!result) return undefined;
  const text = String(result[0] ? result[0].message : result[1]).slice(0, 300);
  const usable = /(\d+) usable/i.exec(text);
  const count = usable ? { usable: Number(usable[1]) } : {};
  if (!result[0] && /^OK\b/.test(text)) return { ok: true, ...count };
  if (result[0] && /^NOQUORUM\b/.test(text)) return { ok: false, ...count };
  return undefined;
}

export function parseFlags(raw: string | undefined): InstanceFlags {
  const flags = (raw ?? '').split(',').filter(Boolean);
  return {
    sDown: flags.includes('s_down'),
    oDown: flags.includes('o_down'),
    disconnected: flags.includes('disconnected'),
    failoverInProgress: flags.includes('failover_in_progress'),
    promoted: flags.includes('promoted'),
    raw: flags,
  };
}

export const entryAddress = (entry: SentinelEntry): string =>
  formatAddress(entry['ip'] ?? '', Number(entry['port'] ?? 0));

export const entryNumber = (entry: SentinelEntry | undefined, field: string): number => {
  const n = Number(entry?.[field]);
  return Number.isFinite(n) ? n : 0;
};

/** Rejects with the reply's error, so a failed command fails the round for this sentinel. */
function valueOf(result: [Error | null, unknown] | undefined): unknown {
  if (!result) throw new Error('no reply');
  if (result[0]) throw result[0];
  return result[1];
}

/**
 * Asks one sentinel everything a poll needs, in one round trip. A sentinel that does not
 * monitor `masterName` answers with its masters only.
 */
export async function askSentinel(client: Redis, masterName: string, replicasCommand: string): Promise<SentinelAnswer> {
  const results = await client
    .pipeline()
    .call('SENTINEL', 'MASTERS')
    .call('SENTINEL', 'GET-MASTER-ADDR-BY-NAME', masterName)
    .call('SENTINEL', replicasCommand, masterName)
    .call('SENTINEL', 'SENTINELS', masterName)
    .call('SENTINEL', 'CKQUORUM', masterName)
    .exec();
  const masters = toEntries(valueOf(results?.[0]));
  const master = masters.find((entry) => entry['name'] === masterName);
  const address = masterAddress(valueOf(results?.[1]));
  if (!master) return { masters, master, replicas: [], sentinels: [], masterAddress: null };
  return {
    masters,
    master,
    replicas: toEntries(valueOf(results?.[2])),
    sentinels: toEntries(valueOf(results?.[3])),
    masterAddress: address && formatAddress(address.host, address.port),
    ...((ckquorum) => ckquorum && { ckquorum })(parseCkQuorum(results?.[4])),
  };
}
