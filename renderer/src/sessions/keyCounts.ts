import type { DatabasesReport } from '../../../shared/api/sessions';
import { useSessions } from './sessionsStore';

/*
 * Keys per database have one source on screen: the session's `databases` report (INFO
 * keyspace). The database selector and the scan line's "of N in this database" both read it,
 * and every change the app makes (deletes, creates, a scan finishing) asks for it again.
 */

/** Recounts on their way, and whether another was asked meanwhile (then one more runs after). */
const running = new Map<string, { again: boolean }>();

/** Reads the session's key counts again; calls made while one runs collapse into one more. */
export function recount(sessionId: string): void {
  const run = running.get(sessionId);
  if (run) {
    run.again = true;
    return;
  }
  const next = { again: false };
  running.set(sessionId, next);
  void useSessions
    .getState()
    .refreshDatabases(sessionId)
    .finally(() => {
      running.delete(sessionId);
      if (next.again) recount(sessionId);
    });
}

/** Keys in `db` by the report: 0 for a db INFO keyspace leaves out (empty); undefined before a report. */
export function keysIn(report: DatabasesReport | undefined, db: number): number | undefined {
  if (!report) return undefined;
  return report.keyspace.find((k) => k.db === db)?.keys ?? 0;
}

/** The count of `db` in the session's report, for components (re-renders when it changes). */
export const useKeysIn = (sessionId: string, db: number | undefined): number | undefined =>
  useSessions((s) => (db === undefined ? undefined : keysIn(s.databases[sessionId], db)));
