import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { useKeys } from './keysStore';
import { resolveSelection, type ResolvedSelection } from './resolveSelection';

export type SelectionRead =
  | { state: 'reading'; rowsRead: number }
  | { state: 'ready'; value: ResolvedSelection }
  | { state: 'error'; message: string };

/**
 * The session's selection read from core once, when a dialog opens: what the dialog shows is
 * exactly what its action will act on, even if the tree moves afterwards.
 */
export function useResolvedSelection(sessionId: string): SelectionRead {
  const [read, setRead] = useState<SelectionRead>({ state: 'reading', rowsRead: 0 });
  useEffect(() => {
    let live = true;
    const { selection, view, db } = useKeys.getState().bySession[sessionId] ?? {};
    if (!selection || !view || db === undefined) {
      setRead({ state: 'error', message: 'Nothing is selected.' });
      return;
    }
    void resolveSelection(
      selection,
      (offset, limit) => api.call('keys.rows', { sessionId, db, offset, limit, view }),
      (rowsRead) => live && setRead({ state: 'reading', rowsRead }),
    ).then((r) => {
      if (live) setRead(r.ok ? { state: 'ready', value: r.value } : { state: 'error', message: r.message });
    });
    return () => {
      live = false;
    };
  }, [sessionId]);
  return read;
}
