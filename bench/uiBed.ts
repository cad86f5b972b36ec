import type Redis from 'ioredis';
import type { Browser } from 'playwright-core';
import { startWebHostProcess, type RunningWebHost } from '../e2e/support/webHostProcess';
import { startStandalone, type StandaloneServer } from '../electron/core/localRedis/testSupport';
import { launchChromium } from './uiProbe';

export interface UiBed {
  redis: StandaloneServer;
  host: RunningWebHost;
  browser: Browser;
  /** A client of its own on the server, to load and check data. */
  admin: Redis;
}

/** A fresh redis-server, the built web host and Chromium for one UI benchmark; always stopped. */
export async function withUiBed<T>(run: (bed: UiBed) => Promise<T>): Promise<T> {
  let redis: StandaloneServer | undefined;
  let host: RunningWebHost | undefined;
  let browser: Browser | undefined;
  try {
    [redis, host, browser] = await Promise.all([startStandalone(), startWebHostProcess(), launchChromium()]);
    const admin = await redis.node.client();
    try {
      return await run({ redis, host, browser, admin });
    } finally {
      admin.disconnect();
    }
  } finally {
    await Promise.all([browser?.close(), host?.stop(), redis?.stop()]);
  }
}
