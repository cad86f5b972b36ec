import { useWritePause } from '../sessions/sessionsStore';
import { FormDialog } from '../ui/FormDialog';
import { displayKey, keyId } from '../ui/keyText';
import { useKeys } from './keysStore';
import { MAX_BULK_FOLDERS, planDelete } from './resolveSelection';
import { useResolvedSelection } from './useResolvedSelection';

/** Names shown in the confirmation before "…and N more". */
const SHOWN = 5;
const n = (x: number) => x.toLocaleString('en-US');
const plural = (x: number, one: string, many: string) => `${n(x)} ${x === 1 ? one : many}`;

const ListCaption = ({ id, text }: { id: string; text: string }) => (
  <p id={id} className="name-list-caption">
    {text}
  </p>
);

/**
 * Confirms deleting the selection: reads it from core first, then shows exactly what goes —
 * the count and a few names. Selected folders go whole (their own folder-delete job).
 */
export function BulkDeleteDialog({ sessionId, onClose }: { sessionId: string; onClose(): void }) {
  const read = useResolvedSelection(sessionId);
  const bulkDelete = useKeys((st) => st.bulkDelete);
  const paused = useWritePause(sessionId);

  if (read.state !== 'ready') {
    return (
      <FormDialog
        title={read.state === 'reading' ? 'Delete the selection?' : 'Cannot delete the selection'}
        onCancel={onClose}
        cancelLabel="Close"
      >
        {read.state === 'reading' ? (
          <p role="status">Reading the selection… {read.rowsRead > 0 ? `${n(read.rowsRead)} rows so far` : ''}</p>
        ) : (
          <p className="field-error" role="alert">
            {read.message}
          </p>
        )}
      </FormDialog>
    );
  }

  const plan = planDelete(read.value);
  const { keys, folders } = plan;
  if (folders.length > MAX_BULK_FOLDERS) {
    return (
      <FormDialog title="Too many folders" onCancel={onClose} cancelLabel="Close">
        <p className="field-error" role="alert">
          The selection holds {n(folders.length)} folders. Each folder is deleted with its own SCAN over the whole
          database, so one bulk delete takes at most {MAX_BULK_FOLDERS}: select fewer folders.
        </p>
      </FormDialog>
    );
  }
  if (keys.length === 0 && folders.length === 0) {
    return (
      <FormDialog title="Nothing to delete" onCancel={onClose} cancelLabel="Close">
        <p>The selected rows are no longer in the tree.</p>
      </FormDialog>
    );
  }

  const what = [
    keys.length ? plural(keys.length, 'key', 'keys') : '',
    folders.length ? plural(folders.length, 'folder', 'folders') : '',
  ]
    .filter(Boolean)
    .join(' and ');
  return (
    <FormDialog
      title={`Delete ${what}?`}
      submitLabel={`Delete ${what}`}
      danger
      paused={paused}
      onCancel={onClose}
      onSubmit={() => {
        onClose();
        void bulkDelete(sessionId, plan);
      }}
    >
      {keys.length > 0 && (
        <>
          <ListCaption id={`${sessionId}-bulk-keys`} text="Keys to delete" />
          <ul className="name-list" aria-labelledby={`${sessionId}-bulk-keys`}>
            {keys.slice(0, SHOWN).map((k) => (
              <li key={keyId(k)}>{displayKey(k)}</li>
            ))}
            {keys.length > SHOWN && (
              <li className="name-list-more">…and {plural(keys.length - SHOWN, 'more key', 'more keys')}</li>
            )}
          </ul>
        </>
      )}
      {folders.length > 0 && (
        <>
          <ListCaption id={`${sessionId}-bulk-folders`} text="Folders to delete" />
          <ul className="name-list" aria-labelledby={`${sessionId}-bulk-folders`}>
            {folders.slice(0, SHOWN).map((f) => (
              <li key={keyId(f.prefix)}>
                {displayKey(f.prefix)}* <span className="hint">(~{plural(f.count, 'key', 'keys')})</span>
              </li>
            ))}
            {folders.length > SHOWN && (
              <li className="name-list-more">…and {n(folders.length - SHOWN)} more folders</li>
            )}
          </ul>
          <p className="hint">
            A selected folder is deleted whole: every key under its prefix on the server, including keys the tree has
            not loaded (UNLINK in batches; you can cancel).
          </p>
        </>
      )}
      <p>This cannot be undone.</p>
    </FormDialog>
  );
}
