import { startStandalone, type StandaloneServer } from '../../electron/core/localRedis/testSupport';

/** Runs `run` against its own fresh redis-server, always stopped afterwards. */
export async function withRedis(run: (redis: StandaloneServer) => Promise<void>): Promise<void> {
  const redis = await startStandalone();
  try {
    await run(redis);
  } finally {
    await redis.stop();
  }
}
