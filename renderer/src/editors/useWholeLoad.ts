import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../../shared/api/errors';
import type { Result } from '../../../shared/api/result';
import type { LoadProgress } from './chunkedLoad';
import { prepareLoaded, type LoadedValue } from './loadedValue';

/** Where loading a partial value whole stands (shown by PartialBanner). */
export type WholeLoad =
  | { phase: 'idle'; error?: ApiError; note?: string }
  | ({ phase: 'loading' } & LoadProgress)
  | { phase: 'preparing'; done: number; total: number };

/** Fetches the whole value; `onProgress` as bytes arrive (a single-message load reports none). */
export type WholeLoader = (
  signal: AbortSignal,
  onProgress: (progress: LoadProgress) => void,
) => Promise<Result<LoadedValue> | 'cancelled'>;

const MB = 1024 * 1024;

/**
 * "Load whole value" for a partial value: fetch (cancellable, with progress), then prepare a
 * big value's text in time slices, then hand it to `onLoaded`. Leaving the editor cancels it.
 */
export function useWholeLoad(
  load: WholeLoader,
  onLoaded: (value: LoadedValue) => void,
  onFailed?: (e: ApiError) => void,
) {
  const [whole, setWhole] = useState<WholeLoad>({ phase: 'idle' });
  const running = useRef<AbortController>(null);
  useEffect(() => () => running.current?.abort(), []);

  const start = useCallback(async () => {
    running.current?.abort();
    const control = new AbortController();
    running.current = control;
    const { signal } = control;
    const cancelled = () => setWhole({ phase: 'idle', note: 'Loading the whole value was cancelled.' });
    setWhole({ phase: 'loading', loaded: 0, total: 0, attempt: 1 });
    const result = await load(signal, (progress) => setWhole({ phase: 'loading', ...progress }));
    if (result === 'cancelled' || signal.aborted) return cancelled();
    if (!result.ok) {
      setWhole({ phase: 'idle', error: result.error });
      return onFailed?.(result.error);
    }
    const total = result.value.bytes.length;
    let shownMb = -1;
    try {
      const prepared = await prepareLoaded(
        result.value,
        (done) => {
          // One update per MB: progress without re-rendering the editor hundreds of times.
          if (Math.floor(done / MB) === shownMb) return;
          shownMb = Math.floor(done / MB);
          setWhole({ phase: 'preparing', done, total });
        },
        signal,
      );
      setWhole({ phase: 'idle' });
      onLoaded(prepared);
    } catch (e) {
      if (!signal.aborted) throw e;
      cancelled();
    }
  }, [load, onLoaded, onFailed]);

  const cancel = useCallback(() => running.current?.abort(), []);
  return { whole, start, cancel };
}
