import type { SessionView } from '../../../shared/api/sessions';
import { ERROR_TITLES } from '../ui/errorTitles';
import { useSessions } from './sessionsStore';

/** Always-visible session state: connecting, connected at, reconnecting n, failed (+ retry). */
export function SessionStatus({ session }: { session: SessionView }) {
  const open = useSessions((s) => s.open);
  switch (session.state) {
    case 'connecting':
      return (
        <p className="status-line" role="status">
          <span className="spinner" aria-hidden="true" /> Connecting…
        </p>
      );
    case 'ready':
      return (
        <p className="status-line status-ok" role="status">
          Connected to <strong data-testid="session-address">{session.address}</strong>
          {session.readOnly && <span className="badge">read-only</span>}
        </p>
      );
    case 'reconnecting':
      return (
        <p className="banner banner-warning" role="alert">
          Connection lost — reconnecting (attempt {session.attempt ?? 1})
          {session.error ? `: ${session.error.message}` : '…'}
        </p>
      );
    case 'failed':
      return (
        <div className="banner banner-error" role="alert">
          <strong>{session.error ? ERROR_TITLES[session.error.code] : 'Connection failed'}</strong>
          {session.error && <> — {session.error.message}</>}{' '}
          <button type="button" onClick={() => void open(session.profileId)}>
            Retry
          </button>
        </div>
      );
    default:
      return <p className="status-line">Closed.</p>;
  }
}
