import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { BulkStatus } from './keysState';
import type { KeyCommand } from './keyCommands';
import { useKeys } from './keysStore';
import { MAX_BULK_KEYS } from './resolveSelection';
import { describeTtl } from '../ui/ttlInput';
import { selectionText, summarizeSelection, targetsSelection } from './selectionView';

/** `shownDb`: the db on screen; a run in another db (switched meanwhile) says where it acts. */
function bulkText(b: BulkStatus, shownDb: number, t: TFunction): string {
  const here = b.db === shownDb;
  const counts = { done: b.done, total: b.total, db: b.db };
  const keys = here ? t('keys.bulk.keys', counts) : t('keys.bulk.keysInDb', counts);
  const folders = b.folderTotal ? t('keys.bulk.folders', { done: b.foldersDone, total: b.folderTotal }) : '';
  const message = b.error ?? t('keys.scan.unknownError');
  if (b.kind === 'delete') {
    switch (b.state) {
      case 'running':
        return t('keys.bulk.deleting', { keys, folders });
      case 'done':
        return here
          ? t('keys.bulk.deleted', { count: b.affected })
          : t('keys.bulk.deletedInDb', { count: b.affected, db: b.db });
      case 'cancelled':
        return t('keys.bulk.deleteCancelled', { keys, folders, affected: b.affected });
      default:
        return t('keys.bulk.deleteStopped', { keys, folders, message });
    }
  }
  switch (b.state) {
    case 'running':
      return t('keys.bulk.changingTtls', { keys });
    case 'done': {
      const result = {
        affected: b.affected,
        total: b.total,
        note: b.affected < b.total ? t('keys.bulk.othersNote') : '',
      };
      return b.ttlMs === null || b.ttlMs === undefined
        ? t('keys.bulk.ttlRemoved', result)
        : t('keys.bulk.ttlSet', { ...result, ttl: describeTtl(b.ttlMs) });
    }
    case 'cancelled':
      return t('keys.bulk.ttlCancelled', { keys });
    default:
      return t('keys.bulk.ttlStopped', { keys, message });
  }
}

function BulkProgress({ sessionId, bulk }: { sessionId: string; bulk: BulkStatus }) {
  const { cancelBulk, dismissBulk } = useKeys.getState();
  const shownDb = useKeys((st) => st.bySession[sessionId]?.db ?? bulk.db);
  const { t } = useTranslation();
  const text = bulkText(bulk, shownDb, t);
  const running = bulk.state === 'running';
  return (
    <div className={`bulk-progress bulk-${bulk.state}`}>
      {running && (
        <progress
          max={Math.max(bulk.total + bulk.folderTotal, 1)}
          value={bulk.done + bulk.foldersDone}
          aria-label={t('keys.bulk.progressLabel')}
        />
      )}
      <span role={bulk.state === 'error' ? 'alert' : 'status'}>{text}</span>
      {running ? (
        <button type="button" onClick={() => void cancelBulk(sessionId)}>
          {t('keys.cancel')}
        </button>
      ) : (
        <button
          type="button"
          className="icon-button"
          aria-label={t('keys.job.dismiss')}
          onClick={() => dismissBulk(sessionId)}
        >
          ✕
        </button>
      )}
    </div>
  );
}

/** "N keys selected" with Delete…, Set TTL… and Clear; and the progress of a bulk action. */
export function SelectionBar({
  sessionId,
  readOnly,
  paused,
  run,
}: {
  sessionId: string;
  readOnly: boolean;
  /** Why writes wait (see sessions/writeAccess.ts): Delete… and Set TTL… are disabled meanwhile. */
  paused?: string;
  run(command: KeyCommand): void;
}) {
  // Primitives only: the bar re-renders when its text changes, not on every page loaded.
  const s = useKeys(
    useShallow((st) => {
      const cur = st.bySession[sessionId];
      if (!cur) return undefined;
      const show = targetsSelection(cur) && cur.bulk?.state !== 'running';
      const { size, keys, folders } = show ? summarizeSelection(cur) : { size: 0, keys: 0, folders: 0 };
      return { bulk: cur.bulk, show, size, keys, folders };
    }),
  );
  const { t } = useTranslation();
  if (!s) return null;
  const { show } = s;
  const summary = { size: s.size, keys: s.keys, folders: s.folders };
  return (
    <>
      {s.bulk && <BulkProgress sessionId={sessionId} bulk={s.bulk} />}
      {show && (
        <div
          className="selection-bar"
          role="group"
          aria-label={t('keys.selection.label')}
          // Escape clears the selection here too (focus lands on these buttons after a dialog).
          onKeyDown={(e) => {
            if (e.key !== 'Escape' || e.defaultPrevented) return;
            e.preventDefault();
            run({ kind: 'clearSelection' });
          }}
        >
          <span className="selection-count" role="status">
            {selectionText(summary, t)}
            {(summary.keys ?? summary.size) > MAX_BULK_KEYS && (
              <span className="selection-over"> {t('keys.selection.overLimit', { n: MAX_BULK_KEYS })}</span>
            )}
          </span>
          {!readOnly && (
            <>
              <button
                type="button"
                className="danger"
                disabled={!!paused}
                title={paused}
                onClick={() => run({ kind: 'deleteSelection' })}
              >
                {t('keys.menu.delete')}
              </button>
              <button type="button" disabled={!!paused} title={paused} onClick={() => run({ kind: 'ttlSelection' })}>
                {t('keys.menu.ttl')}
              </button>
            </>
          )}
          <button type="button" onClick={() => run({ kind: 'clearSelection' })} title={t('keys.selection.clearHint')}>
            {t('keys.selection.clear')}
          </button>
        </div>
      )}
    </>
  );
}
