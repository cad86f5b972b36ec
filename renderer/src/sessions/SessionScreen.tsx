import { useState } from 'react';
import type { SessionView } from '../../../shared/api/sessions';
import { KeyBrowser } from '../keys/KeyBrowser';
import { FailoverBanners } from '../topology/FailoverBanners';
import { TopologyPanel } from '../topology/TopologyPanel';
import { useTopologyWatch } from '../topology/useTopologyWatch';
import { useSessions } from './sessionsStore';
import { DatabaseSelector } from './DatabaseSelector';
import { ServerInfoPanel } from './ServerInfoPanel';
import { SessionStatus } from './SessionStatus';

/**
 * One open session: its state, database selector, the key browser and server info; for a
 * Sentinel session also its failover banners (on every tab) and the Topology tab.
 */
export function SessionScreen({ sessionId }: { sessionId: string }) {
  const session = useSessions((s) => s.sessions[sessionId]);
  const [tab, setTab] = useState<'keys' | 'info' | 'topology'>('keys');
  if (!session) return <p className="hint">This session is closed.</p>;
  return <OpenSession session={session} tab={tab} setTab={setTab} />;
}

function OpenSession({
  session,
  tab,
  setTab,
}: {
  session: SessionView;
  tab: 'keys' | 'info' | 'topology';
  setTab(tab: 'keys' | 'info' | 'topology'): void;
}) {
  // The watch runs while the session is open, whichever tab shows: banners appear on all.
  useTopologyWatch(session);
  return (
    <section className="panel panel-session" aria-labelledby="session-title">
      <header className="panel-header panel-header-row">
        <h1 id="session-title">{session.profileName}</h1>
        <DatabaseSelector session={session} />
      </header>
      {session.kind === 'sentinel' && <FailoverBanners ownerId={session.id} />}
      <SessionStatus session={session} />
      <div className="segmented" role="tablist" aria-label="Session views">
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'keys'}
          className={tab === 'keys' ? 'on' : ''}
          onClick={() => setTab('keys')}
        >
          Keys
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'info'}
          className={tab === 'info' ? 'on' : ''}
          onClick={() => setTab('info')}
        >
          Server info
        </button>
        {session.kind === 'sentinel' && (
          <button
            type="button"
            role="tab"
            aria-selected={tab === 'topology'}
            className={tab === 'topology' ? 'on' : ''}
            onClick={() => setTab('topology')}
          >
            Topology
          </button>
        )}
      </div>
      {tab === 'keys' && <KeyBrowser session={session} />}
      {tab === 'info' && <ServerInfoPanel session={session} />}
      {tab === 'topology' && <TopologyPanel ownerId={session.id} />}
    </section>
  );
}
