import type { KeyBytes, KeyJobStatus, KeyLookup, KeyMeta, KeyRowsPage, ScanStatus } from '../../../shared/api/keys';
import { ApiFailure } from '../api/apiFailure';
import type { EventBus } from '../events/eventBus';
import type { SessionManager } from '../sessions/sessionManager';
import { unlinkKeys } from '../cluster/unlinkKeys';
import { UNLINK_BATCH } from './deleteFolderJob';
import { decodeKey, encodeKey, keyBytesToLatin1, showKey, toLatin1 } from './keyBytes';
import type { RowsView } from './index/keyIndex';
import { readMeta } from './keyMeta';
import { MetaCache } from './metaCache';
import { SessionKeys, type ScanRequest } from './sessionKeys';

/** Keys per PEXPIRE/PERSIST pipeline (one round trip each). */
const EXPIRE_BATCH = 1_000;

/**
 * Every method names the database it is meant for. Reads of the index (scan, rows, expand…)
 * answer DB_CHANGED when the session browses another db now; commands run on a connection
 * pinned to their db (so a delete lands where the user saw the keys), and update the index
 * only if it is that db's.
 */
export interface KeyService {
  scan(sessionId: string, db: number, request: ScanRequest): Promise<ScanStatus>;
  cancelScan(sessionId: string, db: number): ScanStatus;
  status(sessionId: string, db: number): ScanStatus;
  rows(sessionId: string, db: number, offset: number, limit: number, view: RowsView): KeyRowsPage;
  expand(sessionId: string, db: number, prefix: KeyBytes, expanded: boolean): { total: number };
  meta(sessionId: string, db: number, keys: KeyBytes[]): Promise<KeyMeta[]>;
  lookup(sessionId: string, db: number, key: KeyBytes): Promise<KeyLookup>;
  delete(sessionId: string, db: number, keys: KeyBytes[]): Promise<{ deleted: number }>;
  /** RENAME, or RENAMENX when `onlyIfFree` (KEY_EXISTS when taken); NOT_FOUND when the key is gone. */
  rename(
    sessionId: string,
    db: number,
    key: KeyBytes,
    newKey: KeyBytes,
    onlyIfFree: boolean,
  ): Promise<{ key: KeyBytes }>;
  /** PEXPIRE each key, or PERSIST when `ttlMs` is null; `updated` counts the keys it changed. */
  expire(sessionId: string, db: number, keys: KeyBytes[], ttlMs: number | null): Promise<{ updated: number }>;
  /** Starts deleting a folder of `db` in the background (`keys.job` events); its first status. */
  deleteFolder(sessionId: string, db: number, prefix: KeyBytes): KeyJobStatus;
  cancelJob(sessionId: string, jobId: string): KeyJobStatus;
  /** For features that write keys of `db`: drops their cached TYPE/TTL. */
  invalidate(sessionId: string, db: number, keys: Buffer[]): void;
  /** Resolves when the session's scan, folder completions and jobs have ended (tests, benchmarks). */
  settled(sessionId: string): Promise<void>;
  /** The COUNT the session's scan uses now (benchmark). */
  scanCount(sessionId: string): number | undefined;
  /** Stops every scan and stops listening to session events. */
  dispose(): void;
}

/**
 * The key browser's core: one index per open session, dropped when the session closes, rebuilt
 * (and rescanned) when it switches db.
 */
export function createKeyService({ events, sessions }: { events: EventBus; sessions: SessionManager }): KeyService {
  const bySession = new Map<string, SessionKeys>();

  /** The session's key state, whatever db it browses; NOT_FOUND for a session that is not open. */
  const stateOf = (sessionId: string): SessionKeys => {
    const view = sessions.view(sessionId);
    let keys = bySession.get(sessionId);
    if (!keys) {
      keys = new SessionKeys(sessionId, view.db, {
        client: (db) => sessions.dbClient(sessionId, db),
        browsing: sessions.keyBrowsing(sessionId),
        emit: (event) => events.emit('keys.scan', event),
        emitJob: (status) => events.emit('keys.job', status),
      });
      bySession.set(sessionId, keys);
    } else if (keys.db !== view.db) keys.dbChanged(view.db);
    return keys;
  };

  /** The index of `db`; DB_CHANGED when the session browses another db now. */
  const entry = (sessionId: string, db: number): SessionKeys => {
    const keys = stateOf(sessionId);
    if (keys.db !== db) {
      throw new ApiFailure(
        'DB_CHANGED',
        `This was asked of db ${db}, but the session browses db ${keys.db} now; nothing was done.`,
        { db, current: keys.db },
      );
    }
    return keys;
  };

  /** The index of `db` if the session browses it now, to keep it in step with a command. */
  const indexOf = (sessionId: string, db: number): SessionKeys | undefined => stateOf(sessionId).ofDb(db);

  /** Writes are refused on read-only sessions, before anything reaches Redis. */
  const writable = (sessionId: string, what: string): void => {
    if (sessions.view(sessionId).readOnly) {
      throw new ApiFailure('READ_ONLY', `This session is read-only: ${what}.`);
    }
  };

  const unsubscribe = events.on('session.state', ({ session }) => {
    const keys = bySession.get(session.id);
    if (!keys) return;
    if (session.state === 'closed') {
      keys.close();
      bySession.delete(session.id);
    } else if (session.db !== keys.db) keys.dbChanged(session.db);
  });

  /** Forgets keys that were deleted in `db`, if its index is the one shown. */
  const forget = (sessionId: string, db: number, keys: Buffer[]): void => {
    const state = indexOf(sessionId, db);
    if (!state) return;
    for (const key of keys) {
      const latin1 = toLatin1(key);
      state.index.remove(latin1);
      state.meta.invalidate(latin1);
    }
    state.changed();
  };

  return {
    scan: (sessionId, db, request) => entry(sessionId, db).startScan(request),
    cancelScan: (sessionId, db) => entry(sessionId, db).cancelScan(),
    status: (sessionId, db) => entry(sessionId, db).status(),
    rows: (sessionId, db, offset, limit, view) => entry(sessionId, db).index.rows(offset, limit, view),
    expand: (sessionId, db, prefix, expanded) => entry(sessionId, db).expand(keyBytesToLatin1(prefix), expanded),

    async meta(sessionId, db, keys) {
      const client = await sessions.dbClient(sessionId, db);
      const state = indexOf(sessionId, db);
      const latin1 = keys.map(keyBytesToLatin1);
      // Another db's keys: read them without the cache (it belongs to the db on screen).
      const { meta, gone } = await readMeta(client, state?.meta ?? new MetaCache(), latin1);
      // A key that no longer exists leaves the tree at once: the tree stays honest.
      const current = indexOf(sessionId, db);
      if (current && gone.map((key) => current.index.remove(key)).some(Boolean)) current.changed();
      return meta;
    },

    async lookup(sessionId, db, key) {
      const bytes = decodeKey(key);
      const client = await sessions.dbClient(sessionId, db);
      const replies = (await client.pipeline().exists(bytes).type(bytes).pttl(bytes).exec()) ?? [];
      for (const [err] of replies) if (err) throw err;
      const [exists, type, ttl] = replies.map(([, value]) => value);
      if (Number(exists) !== 1) return { key, type: 'none', ttlMs: -2, listed: false };
      const state = indexOf(sessionId, db);
      const listed = !!state && state.lists(bytes, String(type));
      if (state && listed) {
        if (state.index.add(bytes)) state.changed();
        state.meta.set(toLatin1(bytes), String(type), Number(ttl));
      }
      return { key, type: String(type), ttlMs: Number(ttl), listed };
    },

    async delete(sessionId, db, keys) {
      writable(sessionId, 'keys cannot be deleted');
      const bytes = keys.map(decodeKey);
      let deleted = 0;
      for (let i = 0; i < bytes.length; i += UNLINK_BATCH) {
        const batch = bytes.slice(i, i + UNLINK_BATCH);
        // Asked per batch: a pinned connection, so every batch lands in `db`.
        const client = await sessions.dbClient(sessionId, db);
        deleted += await unlinkKeys(client, batch, sessions.keyBrowsing(sessionId).clusterNode);
        forget(sessionId, db, batch);
      }
      return { deleted };
    },

    async rename(sessionId, db, key, newKey, onlyIfFree) {
      writable(sessionId, 'keys cannot be renamed');
      const client = await sessions.dbClient(sessionId, db);
      const from = decodeKey(key);
      const to = decodeKey(newKey);
      try {
        if (onlyIfFree) {
          if ((await client.renamenx(from, to)) === 0) {
            throw new ApiFailure('KEY_EXISTS', `A key named ${showKey(to)} already exists; nothing was renamed.`);
          }
        } else await client.rename(from, to);
      } catch (e) {
        if (e instanceof Error && !(e instanceof ApiFailure) && /no such key/i.test(e.message)) {
          forget(sessionId, db, [from]);
          throw new ApiFailure('NOT_FOUND', `The key ${showKey(from)} no longer exists (deleted or expired).`);
        }
        throw e;
      }
      const state = indexOf(sessionId, db);
      if (state) {
        const [oldLatin1, newLatin1] = [toLatin1(from), toLatin1(to)];
        state.meta.invalidate(oldLatin1);
        state.meta.invalidate(newLatin1);
        const removed = state.index.remove(oldLatin1);
        // Same key, same type: listed under a TYPE filter if the old name was (else unknown).
        const added = state.lists(to, removed ? state.typeFilter : undefined) && state.index.add(to);
        if (removed || added) state.changed();
      }
      return { key: encodeKey(to) };
    },

    async expire(sessionId, db, keys, ttlMs) {
      writable(sessionId, 'TTLs cannot be changed');
      const bytes = keys.map(decodeKey);
      let updated = 0;
      for (let i = 0; i < bytes.length; i += EXPIRE_BATCH) {
        const batch = bytes.slice(i, i + EXPIRE_BATCH);
        const pipeline = (await sessions.dbClient(sessionId, db)).pipeline();
        for (const key of batch) {
          if (ttlMs === null) pipeline.persist(key);
          else pipeline.pexpire(key, ttlMs);
        }
        const replies = (await pipeline.exec()) ?? [];
        const state = indexOf(sessionId, db);
        for (const key of batch) state?.meta.invalidate(toLatin1(key));
        for (const [err, value] of replies) {
          if (err) throw err;
          if (Number(value) === 1) updated++;
        }
      }
      return { updated };
    },

    deleteFolder(sessionId, db, prefix) {
      writable(sessionId, 'keys cannot be deleted');
      const bytes = decodeKey(prefix);
      if (bytes.length === 0) throw new ApiFailure('VALIDATION_FAILED', 'A folder prefix cannot be empty.');
      return stateOf(sessionId).deleteFolder(bytes, db);
    },

    cancelJob: (sessionId, jobId) => stateOf(sessionId).cancelJob(jobId),

    invalidate(sessionId, db, keys) {
      const state = bySession.get(sessionId)?.ofDb(db);
      for (const key of keys) state?.meta.invalidate(toLatin1(key));
    },
    settled: (sessionId) => stateOf(sessionId).settled(),
    scanCount: (sessionId) => bySession.get(sessionId)?.scanCount,

    dispose() {
      unsubscribe();
      for (const keys of bySession.values()) keys.close();
      bySession.clear();
    },
  };
}
