import type { EventMap } from '../../../shared/api/events';
import type { KeyBytes, KeyMeta, KeyRowsPage, ScanStatus } from '../../../shared/api/keys';
import { ApiFailure } from '../api/apiFailure';
import type { EventBus } from '../events/eventBus';
import type { SessionManager } from '../sessions/sessionManager';
import { decodeKey, keyBytesToLatin1, toLatin1 } from './keyBytes';
import type { RowsView } from './keyIndex';
import { readMeta } from './keyMeta';
import { SessionKeys, type ScanRequest } from './sessionKeys';

const UNLINK_BATCH = 500;

export interface KeyService {
  scan(sessionId: string, request: ScanRequest): Promise<ScanStatus>;
  cancelScan(sessionId: string): ScanStatus;
  status(sessionId: string): ScanStatus;
  rows(sessionId: string, offset: number, limit: number, view: RowsView): KeyRowsPage;
  expand(sessionId: string, prefix: KeyBytes, expanded: boolean): { total: number };
  meta(sessionId: string, keys: KeyBytes[]): Promise<KeyMeta[]>;
  lookup(sessionId: string, key: KeyBytes): Promise<KeyMeta>;
  delete(sessionId: string, keys: KeyBytes[]): Promise<{ deleted: number }>;
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
      });
      bySession.set(sessionId, keys);
    } else if (keys.db !== view.db) keys.dbChanged(view.db);
    return keys;
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
      if (sessions.view(sessionId).readOnly) {
        throw new ApiFailure('READ_ONLY', 'This session is read-only: keys cannot be deleted.');
      }
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
