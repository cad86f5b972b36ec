import type { KeyBytes } from '../../../shared/api/keys';
import { api } from '../api/client';
import { metaOfPages, PAGE_SIZE, pageOf, pinnedPages, prunePages } from './keyPages';
import type { StoreContext } from './keysState';
import { keyId } from '../ui/keyText';

/** Keys per `keys.meta` call (the API's maximum). */
const META_BATCH = 1_000;

export interface RowLoader {
  /** Makes sure the rows [from, to) (the viewport) are loaded, page by page, then their type/TTL. */
  ensureRows(sessionId: string, from: number, to: number): Promise<void>;
  /** Reads the type/TTL of these keys now (after a change to them). */
  fetchMeta(sessionId: string, keys: KeyBytes[]): Promise<void>;
  /** The rows changed (a new generation): fetches the rows in view again. */
  reload(sessionId: string): Promise<void>;
  forget(sessionId: string): void;
}

/**
 * What the tree shows, loaded from core as the user scrolls: pages of rows around the viewport
 * (a bounded cache, see keyPages) and the TYPE/TTL of the keys in view. Scrolling fast asks for
 * many ranges; the TYPE/TTL calls are coalesced (one in flight per session, then one for
 * wherever the viewport is by then), so the rows flown past cost nothing.
 */
export function rowLoader({ patch, of }: StoreContext): RowLoader {
  const inflight = new Set<string>();
  /** The rows each session's tree has on screen (with overscan), from the last ensureRows. */
  const views = new Map<string, { from: number; to: number }>();
  const metaBusy = new Set<string>();
  const metaAgain = new Set<string>();

  const fetchMeta = async (sessionId: string, keys: KeyBytes[]) => {
    const { db } = of(sessionId);
    for (let i = 0; i < keys.length; i += META_BATCH) {
      const result = await api.call('keys.meta', { sessionId, db, keys: keys.slice(i, i + META_BATCH) });
      // Another db's answer must not show beside this db's rows.
      if (!result.ok || of(sessionId).db !== db) return;
      patch(sessionId, (s) => {
        const meta = { ...s.meta };
        for (const m of result.value) meta[keyId(m.key)] = m;
        return { meta };
      });
    }
  };

  const loadVisibleMeta = async (sessionId: string): Promise<void> => {
    if (metaBusy.has(sessionId)) {
      metaAgain.add(sessionId);
      return;
    }
    const view = views.get(sessionId);
    if (!view) return;
    const s = of(sessionId);
    const keys: KeyBytes[] = [];
    for (let i = view.from; i < view.to; i++) {
      const row = s.pages[pageOf(i)]?.rows[i % PAGE_SIZE];
      if (row?.kind === 'key' && !s.meta[keyId(row.key)]) keys.push(row.key);
    }
    if (keys.length === 0) return;
    metaBusy.add(sessionId);
    try {
      await fetchMeta(sessionId, keys);
    } finally {
      metaBusy.delete(sessionId);
    }
    if (metaAgain.delete(sessionId)) await loadVisibleMeta(sessionId);
  };

  const fetchPage = async (sessionId: string, page: number) => {
    const s = of(sessionId);
    const flight = `${sessionId}:${page}:${s.generation}`;
    if (inflight.has(flight)) return;
    inflight.add(flight);
    try {
      const { generation, db } = s;
      const result = await api.call('keys.rows', {
        sessionId,
        db,
        offset: page * PAGE_SIZE,
        limit: PAGE_SIZE,
        view: s.view,
      });
      // A page of the db shown before a switch (DB_CHANGED, or rows that raced it) is dropped.
      if (of(sessionId).db !== db || (!result.ok && result.error.code === 'DB_CHANGED')) return;
      if (!result.ok) return patch(sessionId, { error: result.error });
      patch(sessionId, (cur) => {
        const { total, rows } = result.value;
        // Rows went away (deleted, expired): the focus stays on a row that exists.
        const focused = Math.min(cur.focused, Math.max(0, total - 1));
        const view = views.get(sessionId) ?? { from: page * PAGE_SIZE, to: (page + 1) * PAGE_SIZE };
        const all = { ...cur.pages, [page]: { rows, generation } };
        const pages = prunePages(all, pinnedPages(view, focused, cur.selection.range), pageOf(view.from));
        if (pages === all) return { total, focused, pages };
        const meta = metaOfPages(cur.meta, pages, [cur.openKey && keyId(cur.openKey)]);
        return { total, focused, pages, meta };
      });
    } finally {
      inflight.delete(flight);
    }
    await loadVisibleMeta(sessionId);
  };

  const ensureRows = async (sessionId: string, from: number, to: number) => {
    views.set(sessionId, { from, to });
    const s = of(sessionId);
    const jobs: Promise<void>[] = [];
    for (let p = pageOf(from); p <= pageOf(Math.max(from, to - 1)); p++) {
      const page = s.pages[p];
      if (!page || page.generation < s.generation) jobs.push(fetchPage(sessionId, p));
    }
    if (jobs.length === 0) jobs.push(loadVisibleMeta(sessionId));
    await Promise.all(jobs);
  };

  return {
    ensureRows,
    fetchMeta,
    reload: async (sessionId) => {
      const view = views.get(sessionId);
      if (view) await ensureRows(sessionId, view.from, view.to);
    },
    forget: (sessionId) => {
      views.delete(sessionId);
    },
  };
}
