import { useEffect, useState } from 'react';
import type { SessionView } from '../../../shared/api/sessions';
import { countOf } from '../ui/format';
import { useSessions } from './sessionsStore';

/** db0…dbN with key counts from INFO keyspace; switching is immediate. */
export function DatabaseSelector({ session }: { session: SessionView }) {
  const report = useSessions((s) => s.databases[session.id]);
  const { refreshDatabases, selectDb } = useSessions.getState();
  const [error, setError] = useState<string>();
  const ready = session.state === 'ready';

  useEffect(() => {
    if (ready) void refreshDatabases(session.id).then((e) => setError(e?.message));
  }, [ready, session.id, refreshDatabases]);

  const count = report?.count ?? 16;
  const keys = new Map(report?.keyspace.map((k) => [k.db, k.keys]) ?? []);
  return (
    <div className="field field-inline">
      <label htmlFor={`db-${session.id}`}>Database</label>
      <select
        id={`db-${session.id}`}
        value={session.db}
        disabled={!ready}
        onChange={(e) => void selectDb(session.id, Number(e.target.value)).then((err) => setError(err?.message))}
      >
        {Array.from({ length: count }, (_, db) => (
          <option key={db} value={db}>
            db{db}
            {keys.has(db) ? ` (${countOf(keys.get(db)!, 'key')})` : ''}
          </option>
        ))}
      </select>
      {report && !report.fromConfig && (
        <span className="field-hint">CONFIG is disabled on this server: showing 16 databases.</span>
      )}
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
