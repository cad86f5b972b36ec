import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../../shared/api/errors';
import type { Result } from '../../../shared/api/result';

/** One page from core: its rows, where to continue (undefined = the end), and the length now. */
export interface RowsPage<T> {
  rows: T[];
  next: string | undefined;
  length: number;
}

export type FetchRows<T> = (from: string | undefined) => Promise<Result<RowsPage<T>>>;

export interface PagedRows<T> {
  rows: T[];
  /** HLEN / LLEN / SCARD / ZCARD / XLEN as of the last read (a page, or `setLength`). */
  length: number | undefined;
  done: boolean;
  loading: boolean;
  error?: ApiError;
  loadMore(): void;
  /** Changes rows loaded here after a write (no refetch); `lengthChange`: what it did to the length. */
  update(change: (rows: T[]) => T[], lengthChange?: number): void;
  /** The length read elsewhere (the key's header, read again after a write here). */
  setLength(length: number): void;
}

interface Run<T> {
  fetch: FetchRows<T>;
  next: string | undefined;
  busy: boolean;
  seen: Set<string>;
  live: boolean;
}

const newRun = <T>(fetch: FetchRows<T>): Run<T> => ({
  fetch,
  next: undefined,
  busy: false,
  seen: new Set(),
  live: true,
});

/** Pages asked in one go when a filter matches little (SCAN MATCH pages may come back empty). */
const MAX_CALLS_PER_LOAD = 25;

/**
 * Rows of a value loaded page by page as the table scrolls: SCAN cursors, ranges or stream ids
 * alike. SCAN may return an element twice across pages, so rows are de-duplicated by `idOf`.
 * A new `fetchRows` (another key, another filter) starts over.
 */
export function usePagedRows<T>(fetchRows: FetchRows<T>, idOf: (row: T) => string, minRows = 100): PagedRows<T> {
  const [rows, setRows] = useState<T[]>([]);
  const [length, setLength] = useState<number>();
  const [done, setDone] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ApiError>();
  const run = useRef<Run<T>>(newRun(fetchRows));

  const loadMore = useCallback(() => {
    const r = run.current;
    // A new fetchRows (another filter) is picked up by the effect below first.
    if (r.fetch !== fetchRows || r.busy || done) return;
    r.busy = true;
    setLoading(true);
    void (async () => {
      const fresh: T[] = [];
      for (let calls = 0; calls < MAX_CALLS_PER_LOAD && fresh.length < minRows; calls++) {
        const result = await fetchRows(r.next);
        if (!r.live) {
          r.busy = false;
          if (run.current === r) setLoading(false);
          return;
        }
        if (!result.ok) {
          setError(result.error);
          break;
        }
        setError(undefined);
        for (const row of result.value.rows) {
          const id = idOf(row);
          if (!r.seen.has(id)) {
            r.seen.add(id);
            fresh.push(row);
          }
        }
        setLength(result.value.length);
        r.next = result.value.next;
        if (r.next === undefined) {
          setDone(true);
          break;
        }
      }
      if (fresh.length > 0) setRows((prev) => [...prev, ...fresh]);
      r.busy = false;
      setLoading(false);
    })();
  }, [fetchRows, idOf, done, minRows]);

  useEffect(() => {
    // The run made with the first render is this one; a new fetchRows starts over.
    const r = run.current.fetch === fetchRows ? run.current : newRun(fetchRows);
    if (r !== run.current) {
      run.current = r;
      setRows([]);
      setLength(undefined);
      setDone(false);
      setError(undefined);
      setLoading(false);
    }
    r.live = true;
    return () => {
      r.live = false;
    };
  }, [fetchRows]);

  const update = useCallback(
    (change: (rows: T[]) => T[], lengthChange = 0) => {
      setRows((prev) => {
        const next = change(prev);
        // Rows added here must not come back as new from a later page.
        for (const row of next) run.current.seen.add(idOf(row));
        return next;
      });
      if (lengthChange) setLength((n) => (n === undefined ? n : n + lengthChange));
    },
    [idOf],
  );
  return { rows, length, done, loading, error, loadMore, update, setLength };
}
