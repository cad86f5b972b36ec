import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandalone, type StandaloneServer } from '../localRedis/testSupport';
import { redisWithStallTimeout } from './stallTimeout';
import { startThrottledProxy, type ThrottledProxy } from './testSupport/throttledProxy';

// A big value over a slow link: ioredis's commandTimeout (counted from the send) fails the read
// while its bytes still arrive; a session's client fails only after that long a silence.
const STALL_MS = 1_000;
const VALUE = Buffer.alloc(3 * 1024 * 1024, 7);
/** 3 MB at 48 KB per 50 ms: about 3 s, three times the allowed silence, never silent that long. */
const BYTES_PER_TICK = 48 * 1024;
const TICK_MS = 50;

let redis: StandaloneServer;
let proxy: ThrottledProxy;
const clients: Redis[] = [];
const viaProxy = (client: Redis) => {
  clients.push(client);
  return client;
};

beforeAll(async () => {
  redis = await startStandalone();
  const admin = await redis.node.client();
  await admin.set('big', VALUE);
  admin.disconnect();
  proxy = await startThrottledProxy(redis.port, BYTES_PER_TICK, TICK_MS);
});

afterAll(async () => {
  for (const client of clients) client.disconnect();
  await proxy?.close();
  await redis?.stop();
});

const options = () => ({ host: '127.0.0.1', port: proxy.port, commandTimeout: STALL_MS, maxRetriesPerRequest: 0 });

describe('a session client over a slow link', () => {
  it("ioredis's own commandTimeout fails a big read that is still arriving (why the stall timeout exists)", async () => {
    const client = viaProxy(new Redis(options()));
    await expect(client.getBuffer('big')).rejects.toThrow('Command timed out');
  });

  it('reads the whole value while bytes keep arriving, however long it takes', async () => {
    const client = viaProxy(redisWithStallTimeout(options()));
    const value = await client.getBuffer('big');
    expect(value?.equals(VALUE)).toBe(true);
    // The link is still usable afterwards.
    expect(await client.ping()).toBe('PONG');
  });

  it('a copy of the client (the WATCH fallback of a save) is watched the same way', async () => {
    const copy = viaProxy(redisWithStallTimeout(options()).duplicate());
    expect((await copy.getBuffer('big'))?.equals(VALUE)).toBe(true);
    proxy.pause();
    try {
      await expect(copy.get('big')).rejects.toThrow('Command timed out');
    } finally {
      proxy.resume();
    }
  });

  it('fails a command after a silence as long as the timeout, with the usual message', async () => {
    const client = viaProxy(redisWithStallTimeout(options()));
    await client.ping();
    proxy.pause();
    try {
      await expect(client.get('big')).rejects.toThrow('Command timed out');
    } finally {
      proxy.resume();
    }
  });
});
