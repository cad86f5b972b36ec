import type Redis from 'ioredis';

/** Keys per EVAL call: ~0.1 s of server time each, pipelined. */
const KEYS_PER_CALL = 50_000;
const IDS_PER_GROUP = 90;

// Builds the names on the server (no client work, no client memory): one MSET per 1,000 keys.
// `wide:<i>` for i < wide, then `<prefix>:<group>:<id>` round-robin over 10 prefixes.
const LOAD_SCRIPT = `
local from, to, wide, groups = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local prefixes = {'user', 'session', 'order', 'cart', 'product', 'invoice', 'token', 'queue', 'cache', 'lock'}
local batch, n = {}, 0
for i = from, to - 1 do
  local name
  if i < wide then
    name = 'wide:' .. i
  else
    local j = i - wide
    name = prefixes[j % 10 + 1] .. ':' .. (math.floor(j / 10) % groups) .. ':' .. math.floor(j / (10 * groups))
  end
  n = n + 1
  batch[2 * n - 1] = name
  batch[2 * n] = '1'
  if n == 1000 then
    redis.call('MSET', unpack(batch))
    batch, n = {}, 0
  end
end
if n > 0 then redis.call('MSET', unpack(batch)) end
return to - from`;

export interface BenchKeyspace {
  keys: number;
  /** The folder with many direct children, and how many it has. */
  wideFolder: string;
  wideChildren: number;
  /** Time to create it, ms. */
  loadMs: number;
}

/**
 * Loads `total` keys with realistic names: a tenth (at most 100,000) as `wide:<id>` (one folder
 * with that many direct children), the rest as `<prefix>:<group>:<id>` over 10 prefixes and ~90
 * ids per group (~1,000 groups per prefix at 1M keys). A Lua script writes them on the server.
 */
export async function loadKeyspace(client: Redis, total: number): Promise<BenchKeyspace> {
  const t0 = performance.now();
  const wide = Math.min(100_000, Math.floor(total / 10));
  const groups = Math.max(1, Math.ceil((total - wide) / (10 * IDS_PER_GROUP)));
  const sha = String(await client.script('LOAD', LOAD_SCRIPT));
  const calls: Promise<unknown>[] = [];
  for (let from = 0; from < total; from += KEYS_PER_CALL) {
    calls.push(client.evalsha(sha, 0, from, Math.min(total, from + KEYS_PER_CALL), wide, groups));
  }
  await Promise.all(calls);
  return { keys: total, wideFolder: 'wide:', wideChildren: wide, loadMs: performance.now() - t0 };
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
