import { useEffect, useState } from 'react';
import type { KeyBytes, KeyRow } from '../../../shared/api/keys';
import type { SessionView } from '../../../shared/api/sessions';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { KeyDetails } from './KeyDetails';
import { displayKey } from './keyText';
import { useKeys } from './keysStore';
import { KeyTree } from './KeyTree';
import { ScanBar } from './ScanBar';

function JobProgress({ sessionId, onCancel }: { sessionId: string; onCancel(): void }) {
  const job = useKeys((st) => st.bySession[sessionId]?.job);
  if (!job) return null;
  const label = `Deleting “${displayKey(job.prefix)}”: ${job.deleted.toLocaleString('en-US')} of ~${job.expected.toLocaleString('en-US')} keys`;
  if (job.state !== 'running') {
    const end = { done: 'done', cancelled: 'cancelled', error: `failed: ${job.error?.message ?? ''}` }[job.state];
    return (
      <p className="hint" role="status">
        {label} — {end}
      </p>
    );
  }
  return (
    <div className="job-progress">
      <progress max={Math.max(job.expected, job.deleted, 1)} value={job.deleted} aria-label={label} />
      <span role="status">{label}</span>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}

/** Scan bar, the tree and the opened key, with explicit empty / no-match / reconnecting states. */
export function KeyBrowser({ session }: { session: SessionView }) {
  const s = useKeys((st) => st.bySession[session.id]);
  const { scan, remove, dbChanged, deleteFolder, cancelJob } = useKeys.getState();
  const [deletingFolder, setDeletingFolder] = useState<Extract<KeyRow, { kind: 'folder' }>>();
  const [seenDb, setSeenDb] = useState(session.db);
  const [deleting, setDeleting] = useState<KeyBytes>();
  const [deleteError, setDeleteError] = useState<string>();
  const ready = session.state === 'ready';

  const hasStatus = !!s?.status;
  useEffect(() => {
    // The first scan starts when the session is ready; after a db switch core rescans by itself.
    if (ready && !hasStatus) void scan(session.id, { match: '', type: undefined });
  }, [ready, hasStatus, session.id, scan]);
  useEffect(() => {
    if (seenDb !== session.db) {
      setSeenDb(session.db);
      dbChanged(session.id);
    }
  }, [seenDb, session.db, session.id, dbChanged]);

  const status = s?.status;
  const empty = status && status.state === 'complete' && status.keys === 0;
  return (
    <div className="key-browser">
      <div className="key-pane">
        <ScanBar sessionId={session.id} />
        {!ready && <p className="hint">Keys are shown once the connection is ready.</p>}
        {empty && !status.match && !status.type && <p className="empty-state">This database is empty.</p>}
        {empty && (status.match || status.type) && (
          <p className="empty-state">
            No keys match {status.match ? `“${status.match}”` : ''}
            {status.type ? ` of type ${status.type}` : ''}.
          </p>
        )}
        {s?.job && <JobProgress sessionId={session.id} onCancel={() => void cancelJob(session.id)} />}
        <KeyTree
          sessionId={session.id}
          onDeleteRequest={(row) => {
            if (session.readOnly) return;
            if (row.kind === 'key') setDeleting(row.key);
            else setDeletingFolder(row);
          }}
        />
      </div>
      <div className="detail-pane">
        {s?.openKey ? (
          <KeyDetails
            sessionId={session.id}
            keyBytes={s.openKey}
            readOnly={session.readOnly}
            onDelete={() => setDeleting(s.openKey)}
          />
        ) : (
          <p className="hint">
            Select a key to see it. Arrows move, → / ← open and close folders, Enter opens, Delete deletes.
          </p>
        )}
        {deleteError && (
          <p className="field-error" role="alert">
            {deleteError}
          </p>
        )}
      </div>
      {deletingFolder && !session.readOnly && (
        <ConfirmDialog
          title="Delete folder?"
          message={`All ${deletingFolder.count.toLocaleString('en-US')} keys under “${displayKey(deletingFolder.prefix)}” will be deleted from the server (UNLINK in batches; you can cancel). This cannot be undone.`}
          confirmLabel={`Delete ${deletingFolder.count.toLocaleString('en-US')} keys`}
          danger
          onCancel={() => setDeletingFolder(undefined)}
          onConfirm={() => {
            const prefix = deletingFolder.prefix;
            setDeletingFolder(undefined);
            void deleteFolder(session.id, prefix).then((e) => setDeleteError(e?.message));
          }}
        />
      )}
      {deleting && !session.readOnly && (
        <ConfirmDialog
          title="Delete key?"
          message={`“${displayKey(deleting)}” will be deleted from the server. This cannot be undone.`}
          confirmLabel="Delete"
          danger
          onCancel={() => setDeleting(undefined)}
          onConfirm={() => {
            const key = deleting;
            setDeleting(undefined);
            void remove(session.id, [key]).then((e) => setDeleteError(e?.message));
          }}
        />
      )}
    </div>
  );
}
