import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';

export const REDIS_SERVER_INSTALL_HINT =
  'redis-server not found on PATH (or REDIS_SERVER). Install it: sudo apt-get install -y redis-server';

export class RedisServerMissingError extends Error {
  override name = 'RedisServerMissingError';
  constructor(detail?: string) {
    super(detail ? `${REDIS_SERVER_INSTALL_HINT} (${detail})` : REDIS_SERVER_INSTALL_HINT);
  }
}

function isExecutableFile(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Path of the redis-server binary: `$REDIS_SERVER` if set, else the first one on PATH. */
export function findRedisServer(): string {
  const fromEnv = process.env.REDIS_SERVER;
  if (fromEnv) {
    if (isExecutableFile(fromEnv)) return fromEnv;
    throw new RedisServerMissingError(`REDIS_SERVER=${fromEnv} is not an executable file`);
  }
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, 'redis-server');
    if (isExecutableFile(candidate)) return candidate;
  }
  throw new RedisServerMissingError();
}
