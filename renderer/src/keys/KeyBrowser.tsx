import type { TFunction } from 'i18next';
import { Fragment, useCallback, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { KeyBytes, ScanStatus } from '../../../shared/api/keys';
import type { SessionView } from '../../../shared/api/sessions';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useWritePause } from '../sessions/sessionsStore';
import { Menu } from '../ui/Menu';
import { useFadingNotice } from '../ui/fade';
import { Splitter } from '../ui/Splitter';
import { useStoredNumber } from '../ui/useStoredNumber';
import { WritesPaused } from '../ui/WritesPaused';
import { copyKeyName } from './copyKeyName';
import { menuEntries, WRITES, type KeyCommand, type MenuTarget } from './keyCommands';
import { KeyDialogs, type KeyDialog, type Notice } from './KeyDialogs';
import { rowAt } from './keyPages';
import { selectionSize } from './keySelection';
import { displayKey, keyId } from '../ui/keyText';
import { useKeys } from './keysStore';
import { treeId, KeyTree } from './KeyTree';
import { ScanBar } from './ScanBar';
import { SelectionBar } from './SelectionBar';
import { targetsSelection } from './selectionView';

function JobProgress({ sessionId, onCancel }: { sessionId: string; onCancel(): void }) {
  const job = useKeys((st) => st.bySession[sessionId]?.job);
  const { dismissJob } = useKeys.getState();
  const shownDb = useKeys((st) => st.bySession[sessionId]?.db);
  const { t } = useTranslation();
  if (!job) return null;
  const counts = { name: displayKey(job.prefix), deleted: job.deleted, count: job.expected, db: job.db };
  const label = job.db === shownDb ? t('keys.job.deleting', counts) : t('keys.job.deletingInDb', counts);
  if (job.state !== 'running') {
    const end =
      job.state === 'error'
        ? t('keys.job.failed', { message: job.error?.message ?? '' })
        : t(job.state === 'done' ? 'keys.job.done' : 'keys.job.cancelled');
    if (job.state !== 'error') {
      return (
        <p className="hint" role="status">
          {label} — {end}
        </p>
      );
    }
    // A failure stays until dismissed (a finished job's line fades, see keysStore).
    return (
      <div className="job-progress">
        <span className="field-error" role="alert">
          {label} — {end}
        </span>
        <button
          type="button"
          className="icon-button"
          aria-label={t('keys.job.dismiss')}
          onClick={() => dismissJob(sessionId)}
        >
          ✕
        </button>
      </div>
    );
  }
  return (
    <div className="job-progress">
      <progress max={Math.max(job.expected, job.deleted, 1)} value={job.deleted} aria-label={label} />
      <span role="status">{label}</span>
      <button type="button" onClick={onCancel}>
        {t('keys.cancel')}
      </button>
    </div>
  );
}

/** A scan that ended with no keys, and the search it was (undefined otherwise). */
function emptyResult(status: ScanStatus | undefined): { match?: string; type?: string } | undefined {
  if (status?.state !== 'complete' || status.keys !== 0) return undefined;
  return { match: status.match, type: status.type };
}

/** "No keys match “x*” of type hash." */
function noMatch({ match, type }: { match?: string; type?: string }, t: TFunction): string {
  if (match && type) return t('keys.noMatchOfType', { match, type });
  return match ? t('keys.noMatch', { match }) : t('keys.noneOfType', { type: type ?? '' });
}

/**
 * What the screen puts into the key browser: the value editors are a feature above keys (they use
 * the keys store), so keys does not import them; the session screen composes both.
 */
export interface KeyBrowserSlots {
  /** Tools above the tree (New key, Compare…); `onNotice` shows a line under the tree. */
  tools(onNotice: (notice: Notice) => void): ReactNode;
  /** The opened key's pane (mounted anew for each key and db). */
  value(opened: { db: number; keyBytes: KeyBytes; run(command: KeyCommand): void }): ReactNode;
}

/**
 * Scan bar, selection bar, the tree with its context menu, and the opened key, with explicit
 * empty / no-match / reconnecting states. F5 or Ctrl+R inside it rescans (not a page reload).
 */
export function KeyBrowser({ session, slots }: { session: SessionView; slots: KeyBrowserSlots }) {
  // Narrow slices: pages and TYPE/TTL arriving while scrolling, and a scan's progress (the scan
  // bar and the tree follow it themselves), do not re-render the whole browser.
  const hasStatus = useKeys((st) => !!st.bySession[session.id]?.status);
  const empty = useKeys(useShallow((st) => emptyResult(st.bySession[session.id]?.status)));
  const hasJob = useKeys((st) => !!st.bySession[session.id]?.job);
  const openKey = useKeys((st) => st.bySession[session.id]?.openKey);
  // The db the tree's rows (and so the opened key) belong to.
  const keysDb = useKeys((st) => st.bySession[session.id]?.db ?? session.db);
  const { scan, dbChanged, cancelJob, open, toggle, clearSelection } = useKeys.getState();
  const [seenDb, setSeenDb] = useState(session.db);
  const [dialog, setDialog] = useState<KeyDialog>();
  const [menu, setMenu] = useState<{ at: { x: number; y: number }; target: MenuTarget }>();
  const [notice, setNotice] = useFadingNotice<Notice>();
  // The tree's share of the width, set with the splitter; the same for every session.
  const [treeWidth, setTreeWidth] = useStoredNumber('redlens.keyTreeWidth', 40);
  const hadDialog = useRef(false);
  const ready = session.state === 'ready';
  const { t } = useTranslation();
  const readOnly = session.readOnly;
  const paused = useWritePause(session.id);

  useEffect(() => {
    // The first scan starts when the session is ready; after a db switch core rescans by itself.
    if (ready && !hasStatus) void scan(session.id, { match: '', type: undefined, db: session.db });
  }, [ready, hasStatus, session.id, session.db, scan]);
  useEffect(() => {
    if (seenDb !== session.db) {
      setSeenDb(session.db);
      setNotice(undefined); // it was about the db left
      dbChanged(session.id, session.db);
    }
  }, [seenDb, session.db, session.id, dbChanged, setNotice]);
  useEffect(() => {
    // A closed dialog gives the focus back to its opener; if that is gone (e.g. a deleted key's
    // row), to the tree rather than leaving it on <body>.
    if (dialog) hadDialog.current = true;
    else if (hadDialog.current) {
      hadDialog.current = false;
      if (!document.activeElement || document.activeElement === document.body) {
        document.getElementById(treeId(session.id))?.focus();
      }
    }
  }, [dialog, session.id]);

  const run = (command: KeyCommand) => {
    if (readOnly && WRITES.has(command.kind)) return;
    if (paused && WRITES.has(command.kind)) return setNotice({ text: paused, error: true });
    setNotice(undefined);
    const bulkRunning = useKeys.getState().bySession[session.id]?.bulk?.state === 'running';
    if (bulkRunning && (command.kind === 'deleteSelection' || command.kind === 'ttlSelection')) {
      return setNotice({ text: 'A bulk action is still running: wait for it to finish, or cancel it.', error: true });
    }
    switch (command.kind) {
      case 'open':
        return open(session.id, command.key);
      case 'copy':
        return void copyKeyName(command.name, command.what).then((r) => setNotice({ text: r.message, error: !r.ok }));
      case 'toggleFolder':
        return void toggle(session.id, command.row);
      case 'clearSelection':
        return clearSelection(session.id);
      default:
        return setDialog(command);
    }
  };

  const openMenu = (at: { x: number; y: number }) => {
    const cur = useKeys.getState().bySession[session.id];
    if (!cur) return;
    const row = rowAt(cur, cur.focused);
    const target: MenuTarget | undefined = targetsSelection(cur)
      ? { kind: 'selection', size: selectionSize(cur.selection, cur.total) }
      : row && { kind: 'row', row };
    if (target) setMenu({ at, target });
  };
  const closeMenu = useCallback(() => {
    setMenu(undefined);
    document.getElementById(treeId(session.id))?.focus();
  }, [session.id]);

  const onKeyDown = (e: KeyboardEvent) => {
    const refreshKey = e.key === 'F5' || ((e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === 'r');
    if (!refreshKey) return;
    e.preventDefault(); // never a page reload: it would drop the session's view
    if (!(e.target instanceof Element && e.target.closest('dialog')) && ready) void scan(session.id);
  };

  return (
    <div
      className="key-browser"
      style={{ gridTemplateColumns: `minmax(260px, ${treeWidth}%) auto minmax(320px, 1fr)` }}
      onKeyDown={onKeyDown}
    >
      <div className="key-pane">
        <ScanBar sessionId={session.id} />
        {slots.tools(setNotice)}
        {/* Once there is a tree to act on: its write actions wait, and say why here. */}
        {hasStatus && <WritesPaused reason={paused} />}
        {!ready && !hasStatus && <p className="hint">{t('keys.notReady')}</p>}
        {empty && !empty.match && !empty.type && <p className="empty-state">{t('keys.emptyDb')}</p>}
        {empty && (empty.match || empty.type) && <p className="empty-state">{noMatch(empty, t)}</p>}
        {hasJob && <JobProgress sessionId={session.id} onCancel={() => void cancelJob(session.id)} />}
        <KeyTree sessionId={session.id} run={run} onMenu={openMenu} />
        {/* Below the tree: appearing there, it never moves the rows under the pointer. */}
        <SelectionBar sessionId={session.id} readOnly={readOnly} paused={paused} run={run} />
        {notice?.text && (
          <p className={notice.error ? 'field-error notice' : 'hint notice'} role={notice.error ? 'alert' : 'status'}>
            {notice.text}
          </p>
        )}
      </div>
      <Splitter label={t('keys.resizeTree')} value={treeWidth} min={20} max={75} onChange={setTreeWidth} />
      <div className="detail-pane">
        {openKey ? (
          <Fragment key={`${keysDb}:${keyId(openKey)}`}>{slots.value({ db: keysDb, keyBytes: openKey, run })}</Fragment>
        ) : (
          <p className="hint">{t('keys.howTo')}</p>
        )}
      </div>
      {menu && (
        <Menu
          label={menu.target.kind === 'selection' ? t('keys.selectionActions') : t('keys.keyActions')}
          at={menu.at}
          items={menuEntries(menu.target, readOnly, run, paused, t)}
          onClose={closeMenu}
        />
      )}
      {!readOnly && (
        <KeyDialogs sessionId={session.id} dialog={dialog} onClose={() => setDialog(undefined)} onNotice={setNotice} />
      )}
    </div>
  );
}
