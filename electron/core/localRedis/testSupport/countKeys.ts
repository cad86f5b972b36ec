import type Redis from 'ioredis';

/**
 * How many keys match a pattern, counted on the server with SCAN (tests check effects with it).
 * SCAN may return a key more than once (while Redis rehashes the keyspace, e.g. right after a
 * big delete shrank it), so keys are counted once each, by their exact bytes.
 */
export async function countKeys(client: Redis, pattern: string): Promise<number> {
  const seen = new Set<string>();
  let cursor = '0';
  do {
    const [next, keys] = await client.scanBuffer(cursor, 'MATCH', pattern, 'COUNT', 5_000);
    for (const key of keys) seen.add(key.toString('latin1'));
    cursor = next.toString();
  } while (cursor !== '0');
  return seen.size;
}
