import { findRedisServer } from '../findRedisServer.js';
import { createTempDir, removeTempDir } from '../processRegistry.js';
import { dataNodeConfig } from '../redisConfig.js';
import { startRedisNode, type RedisNode } from '../redisNode.js';

export interface StandaloneOptions {
  /** `requirepass` for the default user. */
  password?: string;
  /** An extra ACL user with full access: `user NAME on >PASS ~* &* +@all`. */
  user?: { username: string; password: string };
  /** Extra redis.conf lines, appended last. */
  extraConfig?: string[];
}

export interface StandaloneServer {
  node: RedisNode;
  host: string;
  port: number;
  password?: string;
  /** Stops the server and removes its temp dir. */
  stop(): Promise<void>;
}

/** One redis-server on a free loopback port, with its own temp dir, no persistence. */
export async function startStandalone(opts: StandaloneOptions = {}): Promise<StandaloneServer> {
  const redisServer = findRedisServer();
  const dir = createTempDir('standalone');
  try {
    const node = await startRedisNode({
      redisServer,
      role: 'standalone',
      dir,
      password: opts.password,
      config: (port) =>
        dataNodeConfig({ port, dir, password: opts.password, user: opts.user, extraConfig: opts.extraConfig }),
    });
    return {
      node,
      host: node.host,
      // Getter: the port cannot change after start, but keep it in sync with the node anyway.
      get port() {
        return node.port;
      },
      password: opts.password,
      async stop() {
        await node.stop();
        removeTempDir(dir);
      },
    };
  } catch (err) {
    removeTempDir(dir);
    throw err;
  }
}
