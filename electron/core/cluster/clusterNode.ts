import type Redis from 'ioredis';

/**
 * True when the server is a node of a Redis Cluster (`INFO cluster` → `cluster_enabled:1`). Such a
 * node, opened as a standalone server, only has its own slots' keys. A server that refuses INFO
 * (renamed, ACL) is taken as a plain server: nothing else depends on the answer.
 */
export async function isClusterNode(client: Redis): Promise<boolean> {
  try {
    return /^cluster_enabled:1\s*$/m.test(await client.info('cluster'));
  } catch {
    return false;
  }
}
