import type Redis from 'ioredis';

/**
 * `UNLINK` of a batch of keys; how many existed. A cluster node refuses one command over keys of
 * several slots (CROSSSLOT), so there it sends one UNLINK per key, pipelined. The first refusal
 * (e.g. MOVED for a key on another node) is thrown.
 */
export async function unlinkKeys(client: Redis, keys: Buffer[], clusterNode: boolean): Promise<number> {
  if (!clusterNode) return client.unlink(...keys);
  const pipeline = client.pipeline();
  for (const key of keys) pipeline.unlink(key);
  let deleted = 0;
  for (const [err, value] of (await pipeline.exec()) ?? []) {
    if (err) throw err;
    deleted += Number(value);
  }
  return deleted;
}
