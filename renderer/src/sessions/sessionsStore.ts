import { create } from 'zustand';
import type { ApiError } from '../../../shared/api/errors';
import type { DatabasesReport, SessionView } from '../../../shared/api/sessions';
import type { ServerInfo } from '../../../shared/api/server';
import { api } from '../api/client';
import { recoveryOf, type Recovery } from './sessionRecovery';
import { writePause } from './writeAccess';

interface SessionsState {
  /** Open sessions by id, in the order they were opened (tabs). */
  sessions: Record<string, SessionView>;
  order: string[];
  /** Per profile: the last error of an open attempt that failed before a session existed. */
  openErrors: Record<string, ApiError | undefined>;
  opening: Record<string, boolean>;
  info: Record<string, ServerInfo | undefined>;
  databases: Record<string, DatabasesReport | undefined>;
  /** Per session: its last recovery from reconnecting (the status line says it briefly). */
  recovered: Record<string, Recovery | undefined>;
  /** Opens (or focuses) a session for the profile; resolves with its id when ready. */
  open(profileId: string): Promise<string | undefined>;
  close(sessionId: string): Promise<void>;
  selectDb(sessionId: string, db: number): Promise<ApiError | undefined>;
  refreshInfo(sessionId: string): Promise<ApiError | undefined>;
  refreshDatabases(sessionId: string): Promise<ApiError | undefined>;
  /** A `session.state` event from core. */
  apply(session: SessionView): void;
}

export const useSessions = create<SessionsState>((set, get) => ({
  sessions: {},
  order: [],
  openErrors: {},
  opening: {},
  info: {},
  databases: {},
  recovered: {},
  open: async (profileId) => {
    const existing = get().order.find((id) => get().sessions[id]?.profileId === profileId);
    if (existing && get().sessions[existing]?.state !== 'failed') return existing;
    set((s) => ({
      opening: { ...s.opening, [profileId]: true },
      openErrors: { ...s.openErrors, [profileId]: undefined },
    }));
    const result = await api.call('sessions.open', { profileId });
    set((s) => ({ opening: { ...s.opening, [profileId]: false } }));
    if (!result.ok) {
      set((s) => ({ openErrors: { ...s.openErrors, [profileId]: result.error } }));
      return undefined;
    }
    if (existing) await get().close(existing);
    get().apply(result.value);
    return result.value.id;
  },
  close: async (sessionId) => {
    await api.call('sessions.close', { sessionId });
    set((s) => {
      const sessions = { ...s.sessions };
      delete sessions[sessionId];
      return { sessions, order: s.order.filter((id) => id !== sessionId) };
    });
  },
  selectDb: async (sessionId, db) => {
    const result = await api.call('sessions.selectDb', { sessionId, db });
    if (!result.ok) return result.error;
    get().apply(result.value);
    return undefined;
  },
  refreshInfo: async (sessionId) => {
    const result = await api.call('sessions.info', { sessionId });
    if (!result.ok) return result.error;
    set((s) => ({ info: { ...s.info, [sessionId]: result.value } }));
    return undefined;
  },
  refreshDatabases: async (sessionId) => {
    const result = await api.call('sessions.databases', { sessionId });
    if (!result.ok) return result.error;
    set((s) => ({ databases: { ...s.databases, [sessionId]: result.value } }));
    return undefined;
  },
  apply: (session) =>
    set((s) => {
      // A closed session leaves the tabs (close() also removes it); others are upserted.
      if (session.state === 'closed') {
        const sessions = { ...s.sessions };
        delete sessions[session.id];
        return { sessions, order: s.order.filter((id) => id !== session.id) };
      }
      const recovery = recoveryOf(s.sessions[session.id], session, Date.now());
      return {
        sessions: { ...s.sessions, [session.id]: session },
        order: s.order.includes(session.id) ? s.order : [...s.order, session.id],
        ...(recovery && { recovered: { ...s.recovered, [session.id]: recovery } }),
      };
    }),
}));

/** The state of a profile's session, for the sidebar dot. */
export const profileSessionState = (s: Pick<SessionsState, 'sessions' | 'opening'>, profileId: string) => {
  if (s.opening[profileId]) return 'connecting';
  return Object.values(s.sessions).find((x) => x.profileId === profileId)?.state;
};

/** Why writes to the session are paused now (not ready, no master), or undefined when they can go. */
export const selectWritePause = (s: Pick<SessionsState, 'sessions'>, sessionId: string) =>
  writePause(s.sessions[sessionId]);

/** The write rule for components: re-renders only when the reason changes. */
export const useWritePause = (sessionId: string): string | undefined =>
  useSessions((s) => selectWritePause(s, sessionId));
