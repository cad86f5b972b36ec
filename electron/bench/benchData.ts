import type Redis from 'ioredis';

const PREFIXES = ['user', 'session', 'order', 'cart', 'product', 'invoice', 'token', 'queue', 'cache', 'lock'];
const IDS_PER_GROUP = 90;
const BATCH = 1_000;
const BATCHES_IN_FLIGHT = 50;

export interface BenchKeyspace {
  keys: number;
  /** The folder with many direct children, and how many it has. */
  wideFolder: string;
  wideChildren: number;
}

/**
 * Loads `total` keys with pipelined MSETs: a tenth (at most 100,000) as `wide:<id>` (one folder
 * with that many direct children), the rest as `<prefix>:<group>:<id>` over 10 prefixes and
 * ~1,000 groups each.
 */
export async function loadKeyspace(client: Redis, total: number): Promise<BenchKeyspace> {
  const wide = Math.min(100_000, Math.floor(total / 10));
  const rest = total - wide;
  const groups = Math.max(1, Math.ceil(rest / (PREFIXES.length * IDS_PER_GROUP)));
  const name = (i: number): string =>
    i < wide
      ? `wide:${i}`
      : `${PREFIXES[(i - wide) % PREFIXES.length]}:${Math.floor((i - wide) / PREFIXES.length) % groups}:${Math.floor((i - wide) / (PREFIXES.length * groups))}`;
  let pipeline = client.pipeline();
  let batches = 0;
  for (let from = 0; from < total; from += BATCH) {
    const args: string[] = [];
    for (let i = from; i < Math.min(total, from + BATCH); i++) args.push(name(i), '1');
    pipeline.mset(...args);
    if (++batches % BATCHES_IN_FLIGHT === 0) {
      await pipeline.exec();
      pipeline = client.pipeline();
    }
  }
  await pipeline.exec();
  return { keys: total, wideFolder: 'wide:', wideChildren: wide };
}

/** The baseline: a plain ioredis SCAN loop over the whole keyspace with a fixed COUNT. */
export async function rawScan(client: Redis, count: number): Promise<{ ms: number; keys: number; calls: number }> {
  const t0 = performance.now();
  let cursor = '0';
  let keys = 0;
  let calls = 0;
  do {
    const [next, page] = await client.scanBuffer(cursor, 'COUNT', count);
    cursor = next.toString();
    keys += page.length;
    calls++;
  } while (cursor !== '0');
  return { ms: performance.now() - t0, keys, calls };
}
