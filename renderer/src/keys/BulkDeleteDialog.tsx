import { useTranslation } from 'react-i18next';
import { useWritePause } from '../sessions/sessionsStore';
import { FormDialog } from '../ui/FormDialog';
import { displayKey, keyId } from '../ui/keyText';
import { useKeys } from './keysStore';
import { MAX_BULK_FOLDERS, planDelete } from './resolveSelection';
import { useResolvedSelection } from './useResolvedSelection';

/** Names shown in the confirmation before "…and N more". */
const SHOWN = 5;

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
  const { t } = useTranslation();

  if (read.state !== 'ready') {
    return (
      <FormDialog
        title={read.state === 'reading' ? t('keys.bulkDelete.askTitle') : t('keys.bulkDelete.cannotTitle')}
        onCancel={onClose}
        cancelLabel={t('keys.bulkDelete.close')}
      >
        {read.state === 'reading' ? (
          <p role="status">
            {read.rowsRead > 0 ? t('keys.bulkDelete.readingRows', { n: read.rowsRead }) : t('keys.bulkDelete.reading')}
          </p>
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
      <FormDialog title={t('keys.bulkDelete.tooManyTitle')} onCancel={onClose} cancelLabel={t('keys.bulkDelete.close')}>
        <p className="field-error" role="alert">
          {t('keys.bulkDelete.tooMany', { n: folders.length, max: MAX_BULK_FOLDERS })}
        </p>
      </FormDialog>
    );
  }
  if (keys.length === 0 && folders.length === 0) {
    return (
      <FormDialog title={t('keys.bulkDelete.nothingTitle')} onCancel={onClose} cancelLabel={t('keys.bulkDelete.close')}>
        <p>{t('keys.bulkDelete.nothing')}</p>
      </FormDialog>
    );
  }

  const keyCount = keys.length ? t('keys.selection.keyCount', { count: keys.length }) : '';
  const folderCount = folders.length ? t('keys.selection.folderCount', { count: folders.length }) : '';
  const what =
    keyCount && folderCount
      ? t('keys.bulkDelete.both', { keys: keyCount, folders: folderCount })
      : keyCount || folderCount;
  return (
    <FormDialog
      title={t('keys.bulkDelete.title', { what })}
      submitLabel={t('keys.bulkDelete.submit', { what })}
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
          <ListCaption id={`${sessionId}-bulk-keys`} text={t('keys.bulkDelete.keysCaption')} />
          <ul className="name-list" aria-labelledby={`${sessionId}-bulk-keys`}>
            {keys.slice(0, SHOWN).map((k) => (
              <li key={keyId(k)}>{displayKey(k)}</li>
            ))}
            {keys.length > SHOWN && (
              <li className="name-list-more">{t('keys.bulkDelete.moreKeys', { count: keys.length - SHOWN })}</li>
            )}
          </ul>
        </>
      )}
      {folders.length > 0 && (
        <>
          <ListCaption id={`${sessionId}-bulk-folders`} text={t('keys.bulkDelete.foldersCaption')} />
          <ul className="name-list" aria-labelledby={`${sessionId}-bulk-folders`}>
            {folders.slice(0, SHOWN).map((f) => (
              <li key={keyId(f.prefix)}>
                {displayKey(f.prefix)}*{' '}
                <span className="hint">{t('keys.bulkDelete.folderKeys', { count: f.count })}</span>
              </li>
            ))}
            {folders.length > SHOWN && (
              <li className="name-list-more">{t('keys.bulkDelete.moreFolders', { n: folders.length - SHOWN })}</li>
            )}
          </ul>
          <p className="hint">{t('keys.bulkDelete.folderNote')}</p>
        </>
      )}
      <p>{t('keys.bulkDelete.undone')}</p>
    </FormDialog>
  );
}
