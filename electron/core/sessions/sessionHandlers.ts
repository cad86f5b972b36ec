import type { Handlers } from '../api/dispatch';
import type { SessionManager } from './sessionManager';

type SessionMethod =
  'sessions.open' | 'sessions.close' | 'sessions.list' | 'sessions.selectDb' | 'sessions.databases' | 'sessions.info';

/** The `sessions.*` API methods, on top of the session manager. */
export function sessionHandlers(manager: SessionManager): Pick<Handlers, SessionMethod> {
  return {
    'sessions.open': ({ profileId }) => manager.open(profileId),
    'sessions.close': async ({ sessionId }) => {
      await manager.close(sessionId);
      return { sessionId };
    },
    'sessions.list': async () => manager.list(),
    'sessions.selectDb': ({ sessionId, db }) => manager.selectDb(sessionId, db),
    'sessions.databases': ({ sessionId }) => manager.databases(sessionId),
    'sessions.info': ({ sessionId }) => manager.info(sessionId),
  };
}
