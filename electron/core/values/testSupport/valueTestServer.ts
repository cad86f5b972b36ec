// Set-up shared by the value integration tests: one real redis-server per test file, an `admin`
// client (plays the other user and checks what was written) and sessions on it through the
// value testbed; plus the small helpers those tests all use.
import type Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { startStandalone, type StandaloneServer } from '../../localRedis/testSupport';
import { standaloneProfile } from '../../sessions/testSupport/sessionTestbed';
import { valueTestbed } from './valueTestbed';

export interface ValueServer {
  redis: StandaloneServer;
  admin: Redis;
  /** A session on profile 'rw'. */
  sessionId: string;
  /** A session on profile 'nolua' (a user refused @scripting); '' unless `noLua` was asked for. */
  noLua: string;
}

export interface ValueServerOptions {
  /** Writes the file's data through `admin` before any session opens. */
  seed?: (admin: Redis) => Promise<void>;
  /** Also the ACL user 'nolua' (no @scripting), its profile and a session on it. */
  noLua?: boolean;
  /** Also a read-only profile 'ro' (no session opened on it). */
  readOnly?: boolean;
  /** The set-up's timeout when seeding takes longer than the default hook timeout. */
  timeoutMs?: number;
}

/**
 * Registers the file's beforeAll (start, seed, profiles, sessions; then `ready` gets them) and
 * afterAll (testbed, admin, server); returns the testbed. Call at the top of a test file.
 */
export function useValueServer(options: ValueServerOptions, ready: (server: ValueServer) => void) {
  const bed = valueTestbed();
  let redis: StandaloneServer | undefined;
  let admin: Redis | undefined;
  beforeAll(async () => {
    redis = await startStandalone();
    admin = await redis.node.client();
    await options.seed?.(admin);
    if (options.noLua) {
      await admin.call('ACL', 'SETUSER', 'nolua', 'on', '>pw', '~*', '&*', '+@all', '-@scripting');
    }
    const at = { host: '127.0.0.1', port: redis.port };
    bed.profiles.set('rw', standaloneProfile(at));
    if (options.readOnly) bed.profiles.set('ro', standaloneProfile({ ...at, readOnly: true }));
    if (options.noLua) bed.profiles.set('nolua', standaloneProfile({ ...at, username: 'nolua', password: 'pw' }));
    const sessionId = (await bed.sessions.open('rw')).id;
    const noLua = options.noLua ? (await bed.sessions.open('nolua')).id : '';
    ready({ redis, admin, sessionId, noLua });
  }, options.timeoutMs);
  afterAll(async () => {
    await bed.dispose();
    admin?.disconnect();
    await redis?.stop();
  });
  return bed;
}

/** Bytes as the API's base64 form. */
export const b64 = (bytes: Buffer) => ({ base64: bytes.toString('base64') });

/** Key names of a test run once per session: `name:` and the session's id, so the runs never collide. */
export const keysOf = (session: () => string) => (name: string) => `${name}:${session().slice(0, 8)}`;

/** A fresh upload id, as the UI makes one for each chunked save. */
export const newUploadId = () => randomBytes(16).toString('hex');

/** Bytes Redis has sent to its clients so far (INFO stats). */
export async function sentByRedis(admin: Redis): Promise<number> {
  return Number(/total_net_output_bytes:(\d+)/.exec(await admin.info('stats'))![1]);
}
