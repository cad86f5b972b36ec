import type Redis from 'ioredis';
import { ApiFailure } from '../api/apiFailure';
import { encodeKey } from '../keys/keyBytes';
import type { KeyService } from '../keys/keyService';
import type { SessionManager } from '../sessions/sessionManager';
import { explainRedisError, explainWriteError } from './valueErrors';

/**
 * What the value features need from the rest of core, for one call: bound to the database the
 * call names, so every command it sends runs in that db (see DbLanes).
 */
export interface ValueContext {
  /** The db the call names. */
  readonly db: number;
  /** A connection pinned to the call's db. */
  client(sessionId: string): Redis;
  /** READ_ONLY before anything reaches Redis, for read-only profiles and replica sessions. */
  writable(sessionId: string, what: string): void;
  /** The key now exists: it joins the key tree at once. */
  keyCreated(sessionId: string, key: Buffer): Promise<void>;
  /** The key may be gone (deleted, expired, emptied): the tree drops it if so. */
  keyMaybeGone(sessionId: string, key: Buffer): Promise<void>;
  /** The key's cached TYPE/TTL in the tree are stale. */
  keyChanged(sessionId: string, key: Buffer): void;
  /** Runs a Redis read, translating server refusals (WRONGTYPE…) for `key`. */
  redis<T>(key: Buffer, call: () => Promise<T>): Promise<T>;
  /** Runs a Redis write: refusals (READONLY, OOM…) explained, and whether a lost one applied. */
  write<T>(key: Buffer, call: () => Promise<T>): Promise<T>;
}

/*
 * Tree updates follow a write that already succeeded: if one fails (the connection dropped
 * right after), the write still stands and the next scan or meta read heals the tree.
 */
const quietly = async (update: () => Promise<unknown>): Promise<void> => {
  try {
    await update();
  } catch {
    // see above: best effort by design
  }
};

/** Makes the context of one call: `sessionId`'s connection pinned to `db`. */
export type ValueContexts = (sessionId: string, db: number) => Promise<ValueContext>;

export const createValueContexts =
  (sessions: SessionManager, keys: KeyService): ValueContexts =>
  async (sessionId, db) =>
    createValueContext(sessions, keys, db, await sessions.dbClient(sessionId, db));

function createValueContext(sessions: SessionManager, keys: KeyService, db: number, pinned: Redis): ValueContext {
  return {
    db,
    client: () => pinned,
    writable(sessionId, what) {
      if (sessions.view(sessionId).readOnly) {
        throw new ApiFailure('READ_ONLY', `This session is read-only (read-only profile or a replica): ${what}.`);
      }
    },
    keyCreated: (sessionId, key) => quietly(() => keys.lookup(sessionId, db, encodeKey(key))),
    keyMaybeGone: (sessionId, key) => quietly(() => keys.meta(sessionId, db, [encodeKey(key)])),
    keyChanged: (sessionId, key) => keys.invalidate(sessionId, db, [key]),
    async redis(key, call) {
      try {
        return await call();
      } catch (e) {
        throw explainRedisError(e, key);
      }
    },
    async write(key, call) {
      try {
        return await call();
      } catch (e) {
        throw explainWriteError(e, key);
      }
    },
  };
}
