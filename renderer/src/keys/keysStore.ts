import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { ApiError } from '../../../shared/api/errors';
import type { KeyBytes, KeyJobStatus, KeyRow, RedisType, ScanStatus } from '../../../shared/api/keys';
import { api } from '../api/client';
import { recount } from '../sessions/keyCounts';
import { FADE_MS } from '../ui/fade';
import { newerScanStatus } from './newerScanStatus';
import { bulkActions, type BulkActions } from './bulkActions';
import { keepPicked, NO_SELECTION } from './keySelection';
import type { SessionKeys, StoreContext } from './keysState';
import { keyId } from '../ui/keyText';
import { rowLoader, type RowLoader } from './rowLoader';
import { selectionActions, type SelectionActions } from './selectionActions';
import { selectedKeysOf } from './selectionView';

const EMPTY: SessionKeys = {
  db: 0,
  total: 0,
  generation: 0,
  pages: {},
  meta: {},
  focused: 0,
  selection: NO_SELECTION,
  view: 'tree',
  match: '',
  limits: {},
};
/** Where the rows start over: back at the top, nothing selected. */
const FRESH_VIEW = { pages: {}, focused: 0, selection: NO_SELECTION } as const;

/** A job or bulk action that ended well (done, or cancelled as asked): its message fades. */
const finished = (m: { state: string } | undefined): boolean => m?.state === 'done' || m?.state === 'cancelled';

interface KeysState extends SelectionActions, BulkActions, Pick<RowLoader, 'ensureRows'> {
  bySession: Record<string, SessionKeys>;
  /** (Re)scans; `db` when the browser starts out on a session (else the db shown). */
  scan(sessionId: string, opts?: { match?: string; type?: RedisType; db?: number }): Promise<void>;
  /** Sets the scan limits and rescans with them. */
  setLimits(sessionId: string, limits: SessionKeys['limits']): Promise<void>;
  cancel(sessionId: string): Promise<void>;
  onScanEvent(sessionId: string, status: ScanStatus, rowsChanged: boolean): void;
  /** Expands or collapses a folder. */
  toggle(sessionId: string, row: KeyRow): Promise<void>;
  open(sessionId: string, key: KeyBytes): void;
  setView(sessionId: string, view: 'tree' | 'flat'): void;
  lookup(sessionId: string, key: string): Promise<void>;
  remove(sessionId: string, keys: KeyBytes[]): Promise<ApiError | undefined>;
  rename(sessionId: string, key: KeyBytes, newKey: KeyBytes, onlyIfFree: boolean): Promise<ApiError | undefined>;
  expire(sessionId: string, keys: KeyBytes[], ttlMs: number | null): Promise<ApiError | undefined>;
  deleteFolder(sessionId: string, prefix: KeyBytes): Promise<ApiError | undefined>;
  cancelJob(sessionId: string): Promise<void>;
  /** Takes a failed folder delete's message away. */
  dismissJob(sessionId: string): void;
  onJobEvent(job: KeyJobStatus): void;
  /**
   * The session switched db: core rescans by itself; drop what belonged to the old db (and the
   * messages of jobs that ended there; running ones and errors stay, naming their db).
   */
  dbChanged(sessionId: string, db: number): void;
  forget(sessionId: string): void;
}

export const useKeys = create<KeysState>((set, get) => {
  const patch: StoreContext['patch'] = (sessionId, p) => {
    const before = of(sessionId);
    set((st) => {
      const cur = st.bySession[sessionId] ?? EMPTY;
      return { bySession: { ...st.bySession, [sessionId]: { ...cur, ...(typeof p === 'function' ? p(cur) : p) } } };
    });
    fadeWhenFinished(sessionId, before, of(sessionId));
  };
  const of = (sessionId: string) => get().bySession[sessionId] ?? EMPTY;
  /** A job or bulk action that just ended well leaves the screen a little later, unless replaced. */
  const fadeWhenFinished = (sessionId: string, before: SessionKeys, now: SessionKeys) => {
    for (const field of ['job', 'bulk'] as const) {
      const message = now[field];
      if (message === before[field] || !finished(message)) continue;
      setTimeout(() => {
        if (of(sessionId)[field] === message) patch(sessionId, { [field]: undefined });
      }, FADE_MS);
    }
  };
  const refresh = (sessionId: string) => {
    patch(sessionId, (s) => ({ generation: s.generation + 1 }));
    // Fetch the rows in view now rather than after the next render (saves a frame on expand).
    void loader.reload(sessionId);
  };
  const forgetDeleted = (sessionId: string, keys: KeyBytes[]) =>
    patch(sessionId, (s) => {
      if (!s.openKey) return {};
      const open = keyId(s.openKey);
      return keys.some((k) => keyId(k) === open) ? { openKey: undefined } : {};
    });
  const ctx: StoreContext = { patch, of, refresh, forgetDeleted, countsChanged: recount };
  const loader = rowLoader(ctx);

  return {
    bySession: {},
    ...selectionActions(ctx),
    ...bulkActions(ctx),
    ensureRows: loader.ensureRows,
    scan: async (sessionId, opts = {}) => {
      const match = opts.match ?? of(sessionId).match;
      const type = 'type' in opts ? opts.type : of(sessionId).type;
      const db = opts.db ?? of(sessionId).db;
      patch(sessionId, { ...FRESH_VIEW, db, match, type, meta: {}, lookup: undefined, error: undefined, total: 0 });
      const { cap, maxCallsPerSecond } = of(sessionId).limits;
      const result = await api.call('keys.scan', {
        sessionId,
        db,
        ...(match ? { match } : {}),
        ...(type ? { type } : {}),
        ...(cap ? { cap } : {}),
        ...(maxCallsPerSecond ? { maxCallsPerSecond } : {}),
      });
      if (of(sessionId).db !== db) return; // switched meanwhile: core rescans the new db
      if (!result.ok) return patch(sessionId, { error: result.error });
      patch(sessionId, (s) => ({ status: newerScanStatus(s.status, result.value) }));
      refresh(sessionId);
    },
    setLimits: async (sessionId, limits) => {
      patch(sessionId, { limits });
      await get().scan(sessionId);
    },
    cancel: async (sessionId) => {
      const { db } = of(sessionId);
      const result = await api.call('keys.cancelScan', { sessionId, db });
      if (result.ok && of(sessionId).db === db) {
        patch(sessionId, (s) => ({ status: newerScanStatus(s.status, result.value) }));
      }
    },
    onScanEvent: (sessionId, status, rowsChanged) => {
      patch(sessionId, { status });
      if (rowsChanged) refresh(sessionId);
      // A scan that ended, or rows that changed outside a scan (a delete, a create): recount.
      if (status.state !== 'scanning') recount(sessionId);
    },
    toggle: async (sessionId, row) => {
      if (row.kind !== 'folder') return;
      const { db } = of(sessionId);
      const result = await api.call('keys.expand', { sessionId, db, prefix: row.prefix, expanded: !row.expanded });
      if (of(sessionId).db !== db) return;
      if (!result.ok) return patch(sessionId, { error: result.error });
      // Rows below the folder moved: an index range no longer means the same rows.
      patch(sessionId, (s) => ({ total: result.value.total, selection: keepPicked(s.selection, s.focused) }));
      refresh(sessionId);
    },
    open: (sessionId, key) => patch(sessionId, { openKey: key }),
    setView: (sessionId, view) => {
      patch(sessionId, { ...FRESH_VIEW, view });
      refresh(sessionId);
    },
    lookup: async (sessionId, key) => {
      const { db } = of(sessionId);
      const result = await api.call('keys.lookup', { sessionId, db, key });
      if (of(sessionId).db !== db) return;
      if (!result.ok) return patch(sessionId, { error: result.error });
      const { listed, ...meta } = result.value;
      const found = meta.type !== 'none';
      patch(sessionId, (s) => ({
        lookup: { key, found, listed },
        ...(found ? { openKey: meta.key, meta: { ...s.meta, [keyId(meta.key)]: meta } } : {}),
      }));
      refresh(sessionId);
    },
    remove: async (sessionId, keys) => {
      const result = await api.call('keys.delete', { sessionId, db: of(sessionId).db, keys });
      if (!result.ok) return result.error;
      forgetDeleted(sessionId, keys);
      refresh(sessionId);
      recount(sessionId);
      return undefined;
    },
    rename: async (sessionId, key, newKey, onlyIfFree) => {
      const { db } = of(sessionId);
      const result = await api.call('keys.rename', { sessionId, db, key, newKey, onlyIfFree });
      if (!result.ok) return result.error;
      if (of(sessionId).db !== db) return undefined;
      patch(sessionId, (s) => {
        const meta = { ...s.meta };
        delete meta[keyId(key)];
        return { openKey: result.value.key, meta };
      });
      refresh(sessionId);
      return undefined;
    },
    expire: async (sessionId, keys, ttlMs) => {
      const { db } = of(sessionId);
      const result = await api.call('keys.expire', { sessionId, db, keys, ttlMs });
      if (!result.ok) return result.error;
      if (of(sessionId).db !== db) return undefined;
      patch(sessionId, (s) => {
        const meta = { ...s.meta };
        for (const k of keys) delete meta[keyId(k)];
        return { meta };
      });
      await loader.fetchMeta(sessionId, keys);
      return undefined;
    },
    deleteFolder: async (sessionId, prefix) => {
      const result = await api.call('keys.deleteFolder', { sessionId, db: of(sessionId).db, prefix });
      if (!result.ok) return result.error;
      patch(sessionId, { job: result.value });
      return undefined;
    },
    cancelJob: async (sessionId) => {
      const job = of(sessionId).job;
      if (!job) return;
      const result = await api.call('keys.cancelJob', { sessionId, jobId: job.jobId });
      if (result.ok) patch(sessionId, { job: result.value });
    },
    dismissJob: (sessionId) => patch(sessionId, { job: undefined }),
    onJobEvent: (job) => {
      patch(job.sessionId, { job });
      if (job.state === 'running') return;
      refresh(job.sessionId);
      recount(job.sessionId);
    },
    dbChanged: (sessionId, db) => {
      patch(sessionId, (s) => ({
        ...FRESH_VIEW,
        db,
        meta: {},
        openKey: undefined,
        lookup: undefined,
        error: undefined,
        ...(finished(s.job) && { job: undefined }),
        ...(finished(s.bulk) && { bulk: undefined }),
      }));
      refresh(sessionId);
    },
    forget: (sessionId) => {
      loader.forget(sessionId);
      set((st) => {
        const bySession = { ...st.bySession };
        delete bySession[sessionId];
        return { bySession };
      });
    },
  };
});

/**
 * The selected keys by name while the selection is small (≤ `limit` rows, all loaded), folders
 * left out; undefined for a bigger selection. For features that act on a few chosen keys.
 */
export const useSelectedKeys = (sessionId: string, limit = 100): KeyBytes[] | undefined =>
  useKeys(useShallow((st) => selectedKeysOf(st.bySession[sessionId], limit)));
