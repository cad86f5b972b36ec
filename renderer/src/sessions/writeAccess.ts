import type { SessionView } from '../../../shared/api/sessions';

/**
 * The one rule for "can the UI send a write now?": only while the session is ready on a
 * master. Returns why writes are paused, or undefined when they can go. Read-only sessions are
 * not "paused" — they never write, and their write actions are hidden rather than disabled.
 */
export function writePause(session: SessionView | undefined): string | undefined {
  if (!session) return 'Writes are paused: the session is closed.';
  if (session.readOnly) return undefined;
  if (session.noMaster) return 'Writes are paused: no master (failover in progress).';
  switch (session.state) {
    case 'ready':
      return undefined;
    case 'connecting':
      return 'Writes are paused: still connecting.';
    case 'reconnecting':
      return 'Writes are paused: the connection is lost, reconnecting.';
    case 'failed':
      return 'Writes are paused: the connection failed.';
    default:
      return 'Writes are paused: the session is closed.';
  }
}
