import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../../shared/api/sessions';
import { ClusterNodeBanner } from '../cluster/ClusterNodeBanner';
import { QuickSessionBadge } from '../connect/QuickSessionBadge';
import { useNav } from '../nav/navStore';
import { ValueEditor } from '../editors/ValueEditor';
import { ValueTools } from '../editors/ValueTools';
import { KeyBrowser, type KeyBrowserSlots } from '../keys/KeyBrowser';
import { FailoverBanners } from '../topology/FailoverBanners';
import { TopologyPanel } from '../topology/TopologyPanel';
import { useTopologyWatch } from '../topology/useTopologyWatch';
import { currentSessionId, useSessions, type SessionTab } from '../sessions/sessionsStore';
import { DatabaseSelector } from './DatabaseSelector';
import { ServerInfoPanel } from '../sessions/ServerInfoPanel';
import { SessionStatus } from '../sessions/SessionStatus';

/**
 * One open session: its state, database selector, the key browser and server info; for a
 * Sentinel session also its failover banners (on every tab) and the Topology tab.
 */
export function SessionScreen({ sessionId }: { sessionId: string }) {
  // A failed session replaced by a retry: show (and select the tab of) the retry.
  const current = useSessions((s) => currentSessionId(s, sessionId));
  const session = useSessions((s) => s.sessions[current]);
  const stored = useSessions((s) => s.tabs[current]);
  const { t } = useTranslation();
  const setTab = useSessions((s) => s.setTab);
  useEffect(() => {
    if (current !== sessionId) useNav.getState().go({ kind: 'session', sessionId: current });
  }, [current, sessionId]);
  if (!session) return <p className="hint">{t('session.closedView')}</p>;
  // Each session keeps its own sub-view; a standalone one has no Topology.
  const tab = stored === 'topology' && session.kind !== 'sentinel' ? 'keys' : (stored ?? 'keys');
  return <OpenSession session={session} tab={tab} setTab={(t) => setTab(session.id, t)} />;
}

function OpenSession({
  session,
  tab,
  setTab,
}: {
  session: SessionView;
  tab: SessionTab;
  setTab(tab: SessionTab): void;
}) {
  // The watch runs while the session is open, whichever tab shows: banners appear on all.
  useTopologyWatch(session);
  const { t } = useTranslation();
  return (
    <section className="panel panel-session" aria-labelledby="session-title">
      <header className="panel-header panel-header-row">
        {session.quick ? (
          <div className="session-title">
            <h1 id="session-title">{t('session.quickLabel', { name: session.profileName })}</h1>
            <QuickSessionBadge quickId={session.profileId} />
          </div>
        ) : (
          <h1 id="session-title">{session.profileName}</h1>
        )}
        {/* A failed session has no databases to choose from (it would only list an error). */}
        {session.state !== 'failed' && <DatabaseSelector session={session} />}
      </header>
      {session.kind === 'sentinel' && <FailoverBanners ownerId={session.id} />}
      <SessionStatus session={session} />
      <ClusterNodeBanner session={session} />
      {session.state === 'failed' ? (
        // Nothing here would answer (the key browser would only list errors): the status says what to do.
        <p className="hint">{t('session.nothingToBrowse')}</p>
      ) : (
        <SessionViews session={session} tab={tab} setTab={setTab} />
      )}
    </section>
  );
}

function SessionViews({
  session,
  tab,
  setTab,
}: {
  session: SessionView;
  tab: SessionTab;
  setTab(tab: SessionTab): void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <div className="segmented" role="tablist" aria-label={t('session.views')}>
        <ViewTab tab="keys" current={tab} setTab={setTab} label={t('session.tabs.keys')} />
        <ViewTab tab="info" current={tab} setTab={setTab} label={t('session.tabs.info')} />
        {session.kind === 'sentinel' && (
          <ViewTab tab="topology" current={tab} setTab={setTab} label={t('session.tabs.topology')} />
        )}
      </div>
      {tab === 'keys' && <KeyBrowser session={session} slots={valuePanes(session)} />}
      {tab === 'info' && <ServerInfoPanel session={session} />}
      {tab === 'topology' && <TopologyPanel ownerId={session.id} />}
    </>
  );
}

function ViewTab({
  tab,
  current,
  setTab,
  label,
}: {
  tab: SessionTab;
  current: SessionTab;
  setTab(tab: SessionTab): void;
  label: string;
}) {
  return (
    <button
      type="button"
      role="tab"
      aria-selected={tab === current}
      className={tab === current ? 'on' : ''}
      onClick={() => setTab(tab)}
    >
      {label}
    </button>
  );
}

/** The key browser's value tools and opened key: the editors feature, composed here (see KeyBrowserSlots). */
const valuePanes = (session: SessionView): KeyBrowserSlots => ({
  tools: (onNotice) => <ValueTools sessionId={session.id} readOnly={session.readOnly} onNotice={onNotice} />,
  value: ({ db, keyBytes, run }) => (
    <ValueEditor sessionId={session.id} db={db} keyBytes={keyBytes} readOnly={session.readOnly} run={run} />
  ),
});
