import { useShallow } from 'zustand/react/shallow';
import type { BulkStatus } from './keysState';
import type { KeyCommand } from './keyCommands';
import { useKeys } from './keysStore';
import { MAX_BULK_KEYS } from './resolveSelection';
import { describeTtl } from '../ui/ttlInput';
import { selectionText, summarizeSelection, targetsSelection } from './selectionView';
import { countOf } from '../ui/format';

const n = (x: number) => x.toLocaleString('en-US');

/** `shownDb`: the db on screen; a run in another db (switched meanwhile) says where it acts. */
function bulkText(b: BulkStatus, shownDb: number): string {
  const keys = `${n(b.done)} of ${n(b.total)} keys${b.db === shownDb ? '' : ` in db${b.db}`}`;
  const folders = b.folderTotal ? `, folders ${n(b.foldersDone)} of ${n(b.folderTotal)}` : '';
  if (b.kind === 'delete') {
    switch (b.state) {
      case 'running':
        return `Deleting… ${keys}${folders}`;
      case 'done':
        return `Deleted ${countOf(b.affected, 'key')} from ${b.db === shownDb ? 'the server' : `db${b.db}`}.`;
      case 'cancelled':
        return `Delete cancelled after ${keys}${folders} (${n(b.affected)} deleted).`;
      default:
        return `Delete stopped after ${keys}${folders}: ${b.error ?? 'unknown error'}`;
    }
  }
  const what = b.ttlMs === null || b.ttlMs === undefined ? 'TTL removed from' : `TTL set to ${describeTtl(b.ttlMs)} on`;
  switch (b.state) {
    case 'running':
      return `Changing TTLs… ${keys}`;
    case 'done':
      return `${what} ${n(b.affected)} of ${n(b.total)} keys${b.affected < b.total ? ' (the others had none to remove, or are gone)' : ''}.`;
    case 'cancelled':
      return `TTL change cancelled after ${keys}.`;
    default:
      return `TTL change stopped after ${keys}: ${b.error ?? 'unknown error'}`;
  }
}

function BulkProgress({ sessionId, bulk }: { sessionId: string; bulk: BulkStatus }) {
  const { cancelBulk, dismissBulk } = useKeys.getState();
  const shownDb = useKeys((st) => st.bySession[sessionId]?.db ?? bulk.db);
  const text = bulkText(bulk, shownDb);
  const running = bulk.state === 'running';
  return (
    <div className={`bulk-progress bulk-${bulk.state}`}>
      {running && (
        <progress
          max={Math.max(bulk.total + bulk.folderTotal, 1)}
          value={bulk.done + bulk.foldersDone}
          aria-label="Bulk action progress"
        />
      )}
      <span role={bulk.state === 'error' ? 'alert' : 'status'}>{text}</span>
      {running ? (
        <button type="button" onClick={() => void cancelBulk(sessionId)}>
          Cancel
        </button>
      ) : (
        <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => dismissBulk(sessionId)}>
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
          aria-label="Selection"
          // Escape clears the selection here too (focus lands on these buttons after a dialog).
          onKeyDown={(e) => {
            if (e.key !== 'Escape' || e.defaultPrevented) return;
            e.preventDefault();
            run({ kind: 'clearSelection' });
          }}
        >
          <span className="selection-count" role="status">
            {selectionText(summary)}
            {(summary.keys ?? summary.size) > MAX_BULK_KEYS && (
              <span className="selection-over">
                {' '}
                — more than bulk actions take ({MAX_BULK_KEYS.toLocaleString('en-US')} keys)
              </span>
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
                Delete…
              </button>
              <button type="button" disabled={!!paused} title={paused} onClick={() => run({ kind: 'ttlSelection' })}>
                Set TTL…
              </button>
            </>
          )}
          <button type="button" onClick={() => run({ kind: 'clearSelection' })} title="Escape">
            Clear
          </button>
        </div>
      )}
    </>
  );
}
