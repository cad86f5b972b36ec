import { useTranslation } from 'react-i18next';
import { useEffect, useState } from 'react';
import type { SessionView } from '../../../shared/api/sessions';
import { DiscardEditsDialog } from '../editors/DiscardEditsDialog';
import { discardEdits, unsavedEdits, type EditPlace } from '../editors/drafts';
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
  const { t } = useTranslation();
  const switchTo = (db: number) => void selectDb(session.id, db).then((err) => setError(err?.message));

  useEffect(() => {
    if (ready) void refreshDatabases(session.id).then((e) => setError(e?.message));
  }, [ready, session.id, refreshDatabases]);

  const count = report?.count ?? 16;
  const keys = new Map(report?.keyspace.map((k) => [k.db, k.keys]) ?? []);
  return (
    <div className="field field-inline">
      <label htmlFor={`db-${session.id}`}>{t('databases.label')}</label>
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
            {keys.has(db) ? t('databases.withKeys', { db, count: keys.get(db)! }) : t('app.dbTag', { db })}
          </option>
        ))}
      </select>
      {report && !report.fromConfig && <span className="field-hint">{t('databases.noConfig')}</span>}
      {asking && (
        <DiscardEditsDialog
          title={t('databases.switchAsk', { db: asking.db })}
          edits={asking.edits}
          confirmLabel={t('databases.discardAndSwitch')}
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
