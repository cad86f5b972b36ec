import { useSessions } from './sessionsStore';
import { DatabaseSelector } from './DatabaseSelector';
import { ServerInfoPanel } from './ServerInfoPanel';
import { SessionStatus } from './SessionStatus';

/** One open session: its state, database selector and server info (the key browser comes next). */
export function SessionScreen({ sessionId }: { sessionId: string }) {
  const session = useSessions((s) => s.sessions[sessionId]);
  if (!session) return <p className="hint">This session is closed.</p>;
  return (
    <section className="panel panel-wide" aria-labelledby="session-title">
      <header className="panel-header panel-header-row">
        <h1 id="session-title">{session.profileName}</h1>
        <DatabaseSelector session={session} />
      </header>
      <SessionStatus session={session} />
      <ServerInfoPanel session={session} />
    </section>
  );
}
