import type Redis from 'ioredis';

/** How many keys match a pattern, counted on the server with SCAN (tests check effects with it). */
export async function countKeys(client: Redis, pattern: string): Promise<number> {
  let n = 0;
  let cursor = '0';
  do {
    const [next, keys] = await client.scan(cursor, 'MATCH', pattern, 'COUNT', 5_000);
    n += keys.length;
    cursor = next;
  } while (cursor !== '0');
  return n;
}
