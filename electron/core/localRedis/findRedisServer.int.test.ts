import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findRedisServer, RedisServerMissingError, startStandalone } from './testSupport/index.js';

const HINT = 'redis-server not found on PATH (or REDIS_SERVER). Install it: sudo apt-get install -y redis-server';

describe('findRedisServer', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('finds redis-server on PATH', () => {
    vi.stubEnv('REDIS_SERVER', '');
    const found = findRedisServer();
    expect(found).toMatch(/redis-server$/);
    expect(existsSync(found)).toBe(true);
  });

  it('uses REDIS_SERVER when it points to an executable', () => {
    vi.stubEnv('REDIS_SERVER', '');
    const real = findRedisServer();
    vi.stubEnv('REDIS_SERVER', real);
    expect(findRedisServer()).toBe(real);
  });

  it('gives the install hint when REDIS_SERVER points to a missing file', async () => {
    vi.stubEnv('REDIS_SERVER', '/nonexistent/redis-server');
    expect(() => findRedisServer()).toThrow(RedisServerMissingError);
    expect(() => findRedisServer()).toThrow(HINT);
    // Starting a server fails the same way, before creating anything.
    await expect(startStandalone()).rejects.toThrow(HINT);
  });

  it('gives the install hint when redis-server is not on PATH', () => {
    vi.stubEnv('REDIS_SERVER', '');
    vi.stubEnv('PATH', '/nonexistent');
    expect(() => findRedisServer()).toThrow(HINT);
  });
});
