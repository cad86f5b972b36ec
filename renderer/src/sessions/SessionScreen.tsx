import { useState } from 'react';
import { KeyBrowser } from '../keys/KeyBrowser';
import { useSessions } from './sessionsStore';
import { DatabaseSelector } from './DatabaseSelector';
import { ServerInfoPanel } from './ServerInfoPanel';
import { SessionStatus } from './SessionStatus';

/** One open session: its state, database selector, the key browser and server info. */
export function SessionScreen({ sessionId }: { sessionId: string }) {
  const session = useSessions((s) => s.sessions[sessionId]);
  const [tab, setTab] = useState<'keys' | 'info'>('keys');
  if (!session) return <p className="hint">This session is closed.</p>;
  return (
    <section className="panel panel-session" aria-labelledby="session-title">
      <header className="panel-header panel-header-row">
        <h1 id="session-title">{session.profileName}</h1>
        <DatabaseSelector session={session} />
      </header>
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
      </div>
      {tab === 'keys' ? <KeyBrowser session={session} /> : <ServerInfoPanel session={session} />}
    </section>
  );
}
