import type Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanStatusEvent } from '../../../shared/api/keys';
import { startStandalone, type StandaloneServer } from '../localRedis/testSupport';
import { SessionKeys } from './sessionKeys';

// Progress pushes of one session's scan against a real redis-server, with the push interval
// set so long that only pushes outside the throttle can be seen during the scan.
let redis: StandaloneServer;
let admin: Redis;

beforeAll(async () => {
  redis = await startStandalone();
  admin = await redis.node.client();
  const args: string[] = [];
  for (let i = 0; i < 3_000; i++) args.push(`user:${i % 30}:${i}`, 'v');
  await admin.mset(...args);
});
afterAll(async () => {
  admin?.disconnect();
  await redis?.stop();
});

describe('SessionKeys progress', () => {
  it('pushes the first rows at once, not at the next progress tick', async () => {
    const events: ScanStatusEvent[] = [];
    const keys = new SessionKeys('s1', 0, {
      client: async () => admin,
      browsing: { keyDelimiter: ':', scanCount: 100, clusterNode: false },
      emit: (event) => events.push(event),
      emitJob: () => undefined,
      progressIntervalMs: 60_000,
    });
    try {
      await keys.startScan({});
      await keys.settled();
      const during = events.filter((e) => e.status.state === 'scanning');
      // The start (no keys yet), then the first page's rows at once; the rest waits for the tick.
      expect(during.map((e) => e.status.keys > 0)).toEqual([false, true]);
      expect(during[1]!.rowsChanged).toBe(true);
      expect(events.at(-1)!.status).toMatchObject({ state: 'complete', keys: 3_000 });
    } finally {
      keys.close();
    }
  });
});
