import { useEffect, useState } from 'react';
import type { SessionView } from '../../../shared/api/sessions';
import { DiscardEditsDialog } from '../editors/DiscardEditsDialog';
import { discardEdits, unsavedEdits, type EditPlace } from '../editors/drafts';
import { countOf } from '../ui/format';
import { useSessions } from '../sessions/sessionsStore';

/**
 * db0…dbN with key counts from INFO keyspace (kept current, see keyCounts); switching is
 * immediate — unless the db shown holds unsaved edits: then it asks first, naming them.
 */
export function DatabaseSelector({ session }: { session: SessionView }) {
  const report = useSessions((s) => s.databases[session.id]);
  const { refreshDatabases, selectDb } = useSessions.getState();
  const [error, setError] = useState<string>();
  const [asking, setAsking] = useState<{ db: number; edits: EditPlace[] }>();
  const ready = session.state === 'ready';
  const switchTo = (db: number) => void selectDb(session.id, db).then((err) => setError(err?.message));

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
        onChange={(e) => {
          const db = Number(e.target.value);
          const edits = unsavedEdits(session.id, session.db);
          if (edits.length === 0) switchTo(db);
          else setAsking({ db, edits });
        }}
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
      {asking && (
        <DiscardEditsDialog
          title={`Switch to db${asking.db}?`}
          edits={asking.edits}
          confirmLabel="Discard and switch"
          onCancel={() => setAsking(undefined)}
          onConfirm={() => {
            setAsking(undefined);
            discardEdits(session.id, session.db);
            switchTo(asking.db);
          }}
        />
      )}
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
