import { create } from 'zustand';
import type { ApiError } from '../../../shared/api/errors';
import type { KeyBytes, KeyJobStatus, KeyMeta, KeyRow, RedisType, ScanStatus } from '../../../shared/api/keys';
import { api } from '../api/client';
import { keyId } from './keyText';

export const PAGE_SIZE = 200;

interface Page {
  rows: KeyRow[];
  generation: number;
}

/** The key browser's state for one session: only the rows near the viewport live here. */
export interface SessionKeys {
  status?: ScanStatus;
  total: number;
  /** Bumped whenever core says the rows changed; pages of older generations get refetched. */
  generation: number;
  pages: Record<number, Page>;
  meta: Record<string, KeyMeta>;
  selected: number;
  view: 'tree' | 'flat';
  match: string;
  type?: RedisType;
  /** The key opened in the details pane. */
  openKey?: KeyBytes;
  /** Result of an exact-key lookup. */
  lookup?: { key: string; found: boolean };
  /** The running or last folder delete. */
  job?: KeyJobStatus;
  /** User limits for the scan: stop after `cap` keys; at most `maxCallsPerSecond` SCAN calls. */
  limits: { cap?: number; maxCallsPerSecond?: number };
  error?: ApiError;
}

const EMPTY: SessionKeys = {
  total: 0,
  generation: 0,
  pages: {},
  meta: {},
  selected: 0,
  view: 'tree',
  match: '',
  limits: {},
};
const inflight = new Set<string>();

interface KeysState {
  bySession: Record<string, SessionKeys>;
  scan(sessionId: string, opts?: { match?: string; type?: RedisType }): Promise<void>;
  /** Sets the scan limits and rescans with them. */
  setLimits(sessionId: string, limits: SessionKeys['limits']): Promise<void>;
  cancel(sessionId: string): Promise<void>;
  onScanEvent(sessionId: string, status: ScanStatus, rowsChanged: boolean): void;
  /** Makes sure the rows [from, to) are loaded (page by page), then their type/TTL. */
  ensureRows(sessionId: string, from: number, to: number): Promise<void>;
  toggle(sessionId: string, row: KeyRow): Promise<void>;
  select(sessionId: string, index: number): void;
  open(sessionId: string, key: KeyBytes): void;
  setView(sessionId: string, view: 'tree' | 'flat'): void;
  lookup(sessionId: string, key: string): Promise<void>;
  remove(sessionId: string, keys: KeyBytes[]): Promise<ApiError | undefined>;
  rename(sessionId: string, key: KeyBytes, newKey: string, onlyIfFree: boolean): Promise<ApiError | undefined>;
  expire(sessionId: string, keys: KeyBytes[], ttlMs: number | null): Promise<ApiError | undefined>;
  deleteFolder(sessionId: string, prefix: KeyBytes): Promise<ApiError | undefined>;
  cancelJob(sessionId: string): Promise<void>;
  onJobEvent(job: KeyJobStatus): void;
  /** The session switched db: core rescans by itself; drop what belonged to the old db. */
  dbChanged(sessionId: string): void;
  forget(sessionId: string): void;
}

export const useKeys = create<KeysState>((set, get) => {
  const patch = (sessionId: string, p: Partial<SessionKeys> | ((s: SessionKeys) => Partial<SessionKeys>)) =>
    set((st) => {
      const cur = st.bySession[sessionId] ?? EMPTY;
      return { bySession: { ...st.bySession, [sessionId]: { ...cur, ...(typeof p === 'function' ? p(cur) : p) } } };
    });
  const of = (sessionId: string) => get().bySession[sessionId] ?? EMPTY;

  const loadMeta = async (sessionId: string, rows: KeyRow[]) => {
    const have = of(sessionId).meta;
    const keys = rows.flatMap((r) => (r.kind === 'key' && !have[keyId(r.key)] ? [r.key] : []));
    if (keys.length === 0) return;
    const result = await api.call('keys.meta', { sessionId, keys });
    if (!result.ok) return;
    patch(sessionId, (s) => ({
      meta: { ...s.meta, ...Object.fromEntries(result.value.map((m) => [keyId(m.key), m])) },
    }));
  };

  const fetchPage = async (sessionId: string, page: number) => {
    const s = of(sessionId);
    const flight = `${sessionId}:${page}:${s.generation}`;
    if (inflight.has(flight)) return;
    inflight.add(flight);
    try {
      const generation = s.generation;
      const result = await api.call('keys.rows', {
        sessionId,
        offset: page * PAGE_SIZE,
        limit: PAGE_SIZE,
        view: s.view,
      });
      if (!result.ok) return patch(sessionId, { error: result.error });
      patch(sessionId, (cur) => ({
        total: result.value.total,
        pages: { ...cur.pages, [page]: { rows: result.value.rows, generation } },
      }));
      await loadMeta(sessionId, result.value.rows);
    } finally {
      inflight.delete(flight);
    }
  };

  const refresh = (sessionId: string) => patch(sessionId, (s) => ({ generation: s.generation + 1 }));

  return {
    bySession: {},
    scan: async (sessionId, opts = {}) => {
      const match = opts.match ?? of(sessionId).match;
      const type = 'type' in opts ? opts.type : of(sessionId).type;
      patch(sessionId, {
        match,
        type,
        pages: {},
        meta: {},
        selected: 0,
        lookup: undefined,
        error: undefined,
        total: 0,
      });
      const { cap, maxCallsPerSecond } = of(sessionId).limits;
      const result = await api.call('keys.scan', {
        sessionId,
        ...(match ? { match } : {}),
        ...(type ? { type } : {}),
        ...(cap ? { cap } : {}),
        ...(maxCallsPerSecond ? { maxCallsPerSecond } : {}),
      });
      if (!result.ok) return patch(sessionId, { error: result.error });
      patch(sessionId, { status: result.value });
      refresh(sessionId);
    },
    setLimits: async (sessionId, limits) => {
      patch(sessionId, { limits });
      await get().scan(sessionId);
    },
    cancel: async (sessionId) => {
      const result = await api.call('keys.cancelScan', { sessionId });
      if (result.ok) patch(sessionId, { status: result.value });
    },
    onScanEvent: (sessionId, status, rowsChanged) => {
      patch(sessionId, { status });
      if (rowsChanged) refresh(sessionId);
    },
    ensureRows: async (sessionId, from, to) => {
      const s = of(sessionId);
      const first = Math.floor(from / PAGE_SIZE);
      const last = Math.floor(Math.max(from, to - 1) / PAGE_SIZE);
      const jobs: Promise<void>[] = [];
      for (let p = first; p <= last; p++) {
        const page = s.pages[p];
        if (!page || page.generation < s.generation) jobs.push(fetchPage(sessionId, p));
      }
      await Promise.all(jobs);
    },
    toggle: async (sessionId, row) => {
      if (row.kind !== 'folder') return;
      const result = await api.call('keys.expand', { sessionId, prefix: row.prefix, expanded: !row.expanded });
      if (!result.ok) return patch(sessionId, { error: result.error });
      patch(sessionId, { total: result.value.total });
      refresh(sessionId);
    },
    select: (sessionId, index) =>
      patch(sessionId, (s) => ({ selected: Math.max(0, Math.min(index, Math.max(0, s.total - 1))) })),
    open: (sessionId, key) => patch(sessionId, { openKey: key }),
    setView: (sessionId, view) => {
      patch(sessionId, { view, pages: {}, selected: 0 });
      refresh(sessionId);
    },
    lookup: async (sessionId, key) => {
      const result = await api.call('keys.lookup', { sessionId, key });
      if (!result.ok) return patch(sessionId, { error: result.error });
      const found = result.value.type !== 'none';
      patch(sessionId, (s) => ({
        lookup: { key, found },
        ...(found ? { openKey: result.value.key, meta: { ...s.meta, [keyId(result.value.key)]: result.value } } : {}),
      }));
      refresh(sessionId);
    },
    remove: async (sessionId, keys) => {
      const result = await api.call('keys.delete', { sessionId, keys });
      if (!result.ok) return result.error;
      patch(sessionId, (s) => ({
        openKey: keys.some((k) => s.openKey && keyId(k) === keyId(s.openKey)) ? undefined : s.openKey,
      }));
      refresh(sessionId);
      return undefined;
    },
    rename: async (sessionId, key, newKey, onlyIfFree) => {
      const result = await api.call('keys.rename', { sessionId, key, newKey, onlyIfFree });
      if (!result.ok) return result.error;
      patch(sessionId, (s) => {
        const meta = { ...s.meta };
        delete meta[keyId(key)];
        return { openKey: result.value.key, meta };
      });
      refresh(sessionId);
      return undefined;
    },
    expire: async (sessionId, keys, ttlMs) => {
      const result = await api.call('keys.expire', { sessionId, keys, ttlMs });
      if (!result.ok) return result.error;
      patch(sessionId, (s) => {
        const meta = { ...s.meta };
        for (const k of keys) delete meta[keyId(k)];
        return { meta };
      });
      await loadMeta(
        sessionId,
        keys.map((key) => ({ kind: 'key', key, name: key, depth: 0 })),
      );
      return undefined;
    },
    deleteFolder: async (sessionId, prefix) => {
      const result = await api.call('keys.deleteFolder', { sessionId, prefix });
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
    onJobEvent: (job) => {
      patch(job.sessionId, { job });
      if (job.state !== 'running') refresh(job.sessionId);
    },
    dbChanged: (sessionId) => {
      patch(sessionId, { pages: {}, meta: {}, selected: 0, openKey: undefined, lookup: undefined, error: undefined });
      refresh(sessionId);
    },
    forget: (sessionId) =>
      set((st) => {
        const bySession = { ...st.bySession };
        delete bySession[sessionId];
        return { bySession };
      }),
  };
});

/** The row at an index, if its page is loaded (possibly from an older generation: shown until refreshed). */
export const rowAt = (s: SessionKeys, index: number): KeyRow | undefined =>
  s.pages[Math.floor(index / PAGE_SIZE)]?.rows[index % PAGE_SIZE];

/** "412,000 of ~1,000,000 keys" and friends: the honest progress line. */
export function scanSummary(status: ScanStatus | undefined): string {
  if (!status) return 'Not scanned yet';
  const n = (x: number) => x.toLocaleString('en-US');
  const of = `${n(status.keys)} of ~${n(status.dbSize)} keys`;
  switch (status.state) {
    case 'scanning':
      return `Scanning… ${of}`;
    case 'complete':
      return status.match || status.type
        ? `${n(status.keys)} keys match (of ${n(status.dbSize)} in this database)`
        : `All ${n(status.keys)} keys loaded`;
    case 'capped':
      return `Stopped at the limit of ${n(status.cap ?? status.keys)} keys — ${of}; expanding a folder loads the rest of it`;
    case 'cancelled':
      return `Scan cancelled — partial: ${of}`;
    case 'error':
      return `Scan failed: ${status.error?.message ?? 'unknown error'} — partial: ${of}`;
    default:
      return 'Not scanned yet';
  }
}
