import type Redis from 'ioredis';
import type { RedisNode } from '../electron/core/localRedis/testSupport';

export interface WriteProbe {
  /** The first write accepted by `address` after `at`. */
  firstAfter(at: number, address: string): { at: number } | undefined;
  /** Writes `address` accepted after `at`. */
  countOn(address: string, at: number): number;
  stop(): void;
}

const KEEP = 5_000;

/**
 * Writes (`SET`) through the data session every few ms and remembers, for the last few
 * thousand that were accepted, when and on which node (the session's address at the time).
 */
export function writeProbe(client: () => Redis, address: () => string | undefined, intervalMs = 5): WriteProbe {
  const accepted: { at: number; address: string }[] = [];
  let running = true;
  let n = 0;
  void (async () => {
    while (running) {
      try {
        await client().set('redlens:bench:probe', String(++n));
        const at = address();
        if (at) accepted.push({ at: Date.now(), address: at });
        if (accepted.length > KEEP * 2) accepted.splice(0, KEEP);
      } catch {
        // Refused while there is no master: that is what is being measured.
      }
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return {
    firstAfter: (at, where) => accepted.find((w) => w.at > at && w.address === where),
    countOn: (where, at) => accepted.filter((w) => w.at > at && w.address === where).length,
    stop: () => {
      running = false;
    },
  };
}

function clients(text: string): Record<string, string>[] {
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => Object.fromEntries(line.split(' ').map((pair) => pair.split('=', 2) as [string, string])));
}

/**
 * The app's connections on the servers: every connection named `redlens:*` (data session,
 * topology watcher links), plus the unnamed subscribers on the sentinels (ioredis' failover
 * detector; sentinels subscribe to nothing on each other).
 */
export async function redlensConnections(nodes: readonly RedisNode[]): Promise<number> {
  let count = 0;
  for (const node of nodes) {
    const admin: Redis = await node.client();
    try {
      for (const c of clients(String(await admin.call('CLIENT', 'LIST')))) {
        const subscriber = Number(c['sub'] ?? 0) + Number(c['psub'] ?? 0) > 0;
        if ((c['name'] ?? '').startsWith('redlens:') || (node.role === 'sentinel' && subscriber)) count += 1;
      }
    } finally {
      admin.disconnect();
    }
  }
  return count;
}
