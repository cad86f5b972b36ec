import type { EventMap } from '../../../shared/api/events';
import type { KeyBytes, KeyJobStatus, KeyMeta, KeyRowsPage, ScanStatus } from '../../../shared/api/keys';
import { ApiFailure } from '../api/apiFailure';
import type { EventBus } from '../events/eventBus';
import type { SessionManager } from '../sessions/sessionManager';
import { UNLINK_BATCH } from './deleteFolderJob';
import { decodeKey, encodeKey, keyBytesToLatin1, showKey, toLatin1 } from './keyBytes';
import type { RowsView } from './keyIndex';
import { readMeta } from './keyMeta';
import { SessionKeys, type ScanRequest } from './sessionKeys';

/** Keys per PEXPIRE/PERSIST pipeline (one round trip each). */
const EXPIRE_BATCH = 1_000;

export interface KeyService {
  scan(sessionId: string, request: ScanRequest): Promise<ScanStatus>;
  cancelScan(sessionId: string): ScanStatus;
  status(sessionId: string): ScanStatus;
  rows(sessionId: string, offset: number, limit: number, view: RowsView): KeyRowsPage;
  expand(sessionId: string, prefix: KeyBytes, expanded: boolean): { total: number };
  meta(sessionId: string, keys: KeyBytes[]): Promise<KeyMeta[]>;
  lookup(sessionId: string, key: KeyBytes): Promise<KeyMeta>;
  delete(sessionId: string, keys: KeyBytes[]): Promise<{ deleted: number }>;
  /** RENAME, or RENAMENX when `onlyIfFree` (KEY_EXISTS when taken); NOT_FOUND when the key is gone. */
  rename(sessionId: string, key: KeyBytes, newKey: KeyBytes, onlyIfFree: boolean): Promise<{ key: KeyBytes }>;
  /** PEXPIRE each key, or PERSIST when `ttlMs` is null; `updated` counts the keys it changed. */
  expire(sessionId: string, keys: KeyBytes[], ttlMs: number | null): Promise<{ updated: number }>;
  /** Starts deleting a folder in the background (`keys.job` events); its first status. */
  deleteFolder(sessionId: string, prefix: KeyBytes): KeyJobStatus;
  cancelJob(sessionId: string, jobId: string): KeyJobStatus;
  /** For features that write keys: drops their cached TYPE/TTL. */
  invalidate(sessionId: string, keys: Buffer[]): void;
  /** Resolves when the session's scan and folder completions have ended (tests, benchmarks). */
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

  /** The session's state; NOT_FOUND for a session that is not open. */
  const entry = (sessionId: string): SessionKeys => {
    const view = sessions.view(sessionId);
    let keys = bySession.get(sessionId);
    if (!keys) {
      keys = new SessionKeys(sessionId, view.db, {
        client: () => sessions.client(sessionId),
        browsing: sessions.keyBrowsing(sessionId),
        emit: (event) => events.emit('keys.scan', event),
        emitJob: (status) => events.emit('keys.job', status),
      });
      bySession.set(sessionId, keys);
    } else if (keys.db !== view.db) keys.dbChanged(view.db);
    return keys;
  };

  /** Writes are refused on read-only sessions, before anything reaches Redis. */
  const writable = (sessionId: string, what: string): void => {
    if (sessions.view(sessionId).readOnly) {
      throw new ApiFailure('READ_ONLY', `This session is read-only: ${what}.`);
    }
  };

  const unsubscribe = events.onAny((event, payload) => {
    if (event !== 'session.state') return;
    const { session } = payload as EventMap['session.state'];
    const keys = bySession.get(session.id);
    if (!keys) return;
    if (session.state === 'closed') {
      keys.close();
      bySession.delete(session.id);
    } else if (session.db !== keys.db) keys.dbChanged(session.db);
  });

  return {
    scan: (sessionId, request) => entry(sessionId).startScan(request),
    cancelScan: (sessionId) => entry(sessionId).cancelScan(),
    status: (sessionId) => entry(sessionId).status(),
    rows: (sessionId, offset, limit, view) => entry(sessionId).index.rows(offset, limit, view),
    expand: (sessionId, prefix, expanded) => entry(sessionId).expand(keyBytesToLatin1(prefix), expanded),

    async meta(sessionId, keys) {
      const state = entry(sessionId);
      const { meta, gone } = await readMeta(sessions.client(sessionId), state.meta, keys.map(keyBytesToLatin1));
      // A key that no longer exists leaves the tree at once: the tree stays honest.
      if (gone.map((key) => state.index.remove(key)).some(Boolean)) state.changed();
      return meta;
    },

    async lookup(sessionId, key) {
      const state = entry(sessionId);
      const bytes = decodeKey(key);
      const replies = (await sessions.client(sessionId).pipeline().exists(bytes).type(bytes).pttl(bytes).exec()) ?? [];
      for (const [err] of replies) if (err) throw err;
      const [exists, type, ttl] = replies.map(([, value]) => value);
      if (Number(exists) !== 1) return { key, type: 'none', ttlMs: -2 };
      if (state.index.add(bytes)) state.changed();
      state.meta.set(toLatin1(bytes), String(type), Number(ttl));
      return { key, type: String(type), ttlMs: Number(ttl) };
    },

    async delete(sessionId, keys) {
      writable(sessionId, 'keys cannot be deleted');
      const state = entry(sessionId);
      const client = sessions.client(sessionId);
      const bytes = keys.map(decodeKey);
      let deleted = 0;
      for (let i = 0; i < bytes.length; i += UNLINK_BATCH) {
        const batch = bytes.slice(i, i + UNLINK_BATCH);
        deleted += await client.unlink(...batch);
        for (const key of batch) {
          const latin1 = toLatin1(key);
          state.index.remove(latin1);
          state.meta.invalidate(latin1);
        }
        state.changed();
      }
      return { deleted };
    },

    async rename(sessionId, key, newKey, onlyIfFree) {
      writable(sessionId, 'keys cannot be renamed');
      const state = entry(sessionId);
      const client = sessions.client(sessionId);
      const from = decodeKey(key);
      const to = decodeKey(newKey);
      const [oldLatin1, newLatin1] = [toLatin1(from), toLatin1(to)];
      try {
        if (onlyIfFree) {
          if ((await client.renamenx(from, to)) === 0) {
            throw new ApiFailure('KEY_EXISTS', `A key named ${showKey(to)} already exists; nothing was renamed.`);
          }
        } else await client.rename(from, to);
      } catch (e) {
        if (e instanceof Error && !(e instanceof ApiFailure) && /no such key/i.test(e.message)) {
          state.meta.invalidate(oldLatin1);
          if (state.index.remove(oldLatin1)) state.changed();
          throw new ApiFailure('NOT_FOUND', `The key ${showKey(from)} no longer exists (deleted or expired).`);
        }
        throw e;
      }
      state.meta.invalidate(oldLatin1);
      state.meta.invalidate(newLatin1);
      const removed = state.index.remove(oldLatin1);
      const added = state.index.add(to);
      if (removed || added) state.changed();
      return { key: encodeKey(to) };
    },

    async expire(sessionId, keys, ttlMs) {
      writable(sessionId, 'TTLs cannot be changed');
      const state = entry(sessionId);
      const client = sessions.client(sessionId);
      const bytes = keys.map(decodeKey);
      let updated = 0;
      for (let i = 0; i < bytes.length; i += EXPIRE_BATCH) {
        const batch = bytes.slice(i, i + EXPIRE_BATCH);
        const pipeline = client.pipeline();
        for (const key of batch) {
          if (ttlMs === null) pipeline.persist(key);
          else pipeline.pexpire(key, ttlMs);
        }
        const replies = (await pipeline.exec()) ?? [];
        for (const key of batch) state.meta.invalidate(toLatin1(key));
        for (const [err, value] of replies) {
          if (err) throw err;
          if (Number(value) === 1) updated++;
        }
      }
      return { updated };
    },

    deleteFolder(sessionId, prefix) {
      writable(sessionId, 'keys cannot be deleted');
      const bytes = decodeKey(prefix);
      if (bytes.length === 0) throw new ApiFailure('VALIDATION_FAILED', 'A folder prefix cannot be empty.');
      return entry(sessionId).deleteFolder(bytes);
    },

    cancelJob: (sessionId, jobId) => entry(sessionId).cancelJob(jobId),

    invalidate(sessionId, keys) {
      const state = bySession.get(sessionId);
      for (const key of keys) state?.meta.invalidate(toLatin1(key));
    },
    settled: (sessionId) => entry(sessionId).settled(),
    scanCount: (sessionId) => bySession.get(sessionId)?.scanCount,

    dispose() {
      unsubscribe();
      for (const keys of bySession.values()) keys.close();
      bySession.clear();
    },
  };
}
