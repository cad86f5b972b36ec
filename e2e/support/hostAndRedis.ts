import { test } from '@playwright/test';
import type { ChainableCommander } from 'ioredis';
import { startStandalone, type StandaloneServer } from '../../electron/core/localRedis/testSupport';
import { startWebHostProcess, type RunningWebHost } from './webHostProcess';

export interface HostAndRedis {
  readonly host: RunningWebHost;
  readonly redis: StandaloneServer;
}

/**
 * The set-up many specs share: the built web host and a fresh redis-server, started together
 * before the file's tests (then seeded through one pipeline when `seed` is given) and always
 * stopped after them. Call it at the top of a spec; read `host` and `redis` inside the tests.
 */
export function hostAndRedisPerFile(seed?: (pipeline: ChainableCommander) => void): HostAndRedis {
  let host: RunningWebHost | undefined;
  let redis: StandaloneServer | undefined;
  test.beforeAll(async () => {
    [host, redis] = await Promise.all([startWebHostProcess(), startStandalone()]);
    if (seed) await seedThroughPipeline(redis, seed);
  });
  test.afterAll(async () => {
    await Promise.all([host?.stop(), redis?.stop()]);
  });
  return {
    get host() {
      if (!host) throw new Error('The web host is started in beforeAll: read it inside a test.');
      return host;
    },
    get redis() {
      if (!redis) throw new Error('Redis is started in beforeAll: read it inside a test.');
      return redis;
    },
  };
}

async function seedThroughPipeline(redis: StandaloneServer, seed: (pipeline: ChainableCommander) => void) {
  const client = await redis.node.client();
  try {
    const pipeline = client.pipeline();
    seed(pipeline);
    await pipeline.exec();
  } finally {
    client.disconnect();
  }
}
