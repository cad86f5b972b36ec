import type Redis from 'ioredis';
import type { DatabaseInfo, DatabasesReport } from '../../../shared/api/sessions';
import { ApiFailure } from '../api/apiFailure';
import { parseInfo } from '../redis/parseInfo';

/** Redis' default `databases`, assumed when CONFIG is disabled, renamed or not permitted. */
const DEFAULT_DATABASES = 16;

const isReplyError = (e: unknown): boolean => e instanceof Error && e.name === 'ReplyError';

/** `CONFIG GET databases`, or undefined when the server will not say (a reply error). */
async function configuredDatabases(client: Redis): Promise<number | undefined> {
  try {
    const reply = (await client.config('GET', 'databases')) as unknown;
    const count = Array.isArray(reply) ? Number(reply[1]) : NaN;
    return Number.isInteger(count) && count > 0 ? count : undefined;
  } catch (e) {
    // "ERR unknown command 'CONFIG'" (renamed away) or "NOPERM" (ACL): fall back; a lost
    // connection is an error the caller must see.
    if (isReplyError(e)) return undefined;
    throw e;
  }
}

/** `db0:keys=1,expires=0,avg_ttl=0` lines of INFO keyspace, by db index. */
export function parseKeyspace(info: string): DatabaseInfo[] {
  const section = parseInfo(info)['keyspace'] ?? {};
  const databases: DatabaseInfo[] = [];
  for (const [name, value] of Object.entries(section)) {
    const db = /^db(\d+)$/.exec(name)?.[1];
    if (db === undefined) continue;
    const field = (key: string) => Number(new RegExp(`(?:^|,)${key}=(\\d+)`).exec(value)?.[1] ?? 0);
    databases.push({ db: Number(db), keys: field('keys'), expires: field('expires') });
  }
  return databases.sort((a, b) => a.db - b.db);
}

export async function readDatabases(client: Redis): Promise<DatabasesReport> {
  const [configured, info] = await Promise.all([configuredDatabases(client), client.info('keyspace')]);
  const keyspace = parseKeyspace(info);
  // Without CONFIG, a db that holds keys proves the server has at least that many.
  const highest = Math.max(-1, ...keyspace.map((d) => d.db));
  return {
    count: configured ?? Math.max(DEFAULT_DATABASES, highest + 1),
    fromConfig: configured !== undefined,
    keyspace,
  };
}

/**
 * VALIDATION_FAILED with the range when `CONFIG GET databases` says `db` does not exist. Without
 * CONFIG the server has the last word when a connection selects it (see dbLanes).
 */
export async function checkDatabase(client: Redis, db: number): Promise<void> {
  const count = await configuredDatabases(client);
  if (count !== undefined && db >= count) {
    const message = `Database ${db} does not exist: this server has databases 0–${count - 1}.`;
    throw new ApiFailure('VALIDATION_FAILED', message, { min: 0, max: count - 1 });
  }
}
