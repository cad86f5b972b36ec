import { create } from 'zustand';
import type { ApiError } from '../../../shared/api/errors';
import type { DatabasesReport, SessionView } from '../../../shared/api/sessions';
import type { ServerInfo } from '../../../shared/api/server';
import { api } from '../api/client';
import { recoveryOf, type Recovery } from './sessionRecovery';
import { writePause } from './writeAccess';

/** The sub-views of a session screen (Topology only for a Sentinel session). */
export type SessionTab = 'keys' | 'info' | 'topology';

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
  /** Per session: the sub-view it shows (each session remembers its own). */
  tabs: Record<string, SessionTab | undefined>;
  /** A failed session replaced by a later attempt for its profile → that attempt (see open). */
  successors: Record<string, string | undefined>;
  /**
   * Opens (or focuses) a session for the profile; resolves with its id when ready. While an open
   * of that profile is on its way, another call gets the same answer: a double click opens one.
   */
  open(profileId: string): Promise<string | undefined>;
  setTab(sessionId: string, tab: SessionTab): void;
  close(sessionId: string): Promise<void>;
  selectDb(sessionId: string, db: number): Promise<ApiError | undefined>;
  refreshInfo(sessionId: string): Promise<ApiError | undefined>;
  refreshDatabases(sessionId: string): Promise<ApiError | undefined>;
  /** A `session.state` event from core. */
  apply(session: SessionView): void;
  /**
   * Takes core's list of sessions: on start and after the link to core comes back. Core's sessions
   * are the app's (another browser tab of the web host may have opened some), and events sent
   * while the link was down are lost.
   */
  sync(): Promise<void>;
}

export const useSessions = create<SessionsState>((set, get) => ({
  sessions: {},
  order: [],
  openErrors: {},
  opening: {},
  info: {},
  databases: {},
  recovered: {},
  tabs: {},
  successors: {},
  open: (profileId) => {
    const pending = inFlight.get(profileId);
    if (pending) return pending;
    const { order, sessions } = get();
    const live = order.find((id) => sessions[id]?.profileId === profileId && sessions[id]?.state !== 'failed');
    if (live) return Promise.resolve(live);
    const attempt = openAgain(profileId).finally(() => inFlight.delete(profileId));
    inFlight.set(profileId, attempt);
    return attempt;
  },
  setTab: (sessionId, tab) => set((s) => ({ tabs: { ...s.tabs, [sessionId]: tab } })),
  close: async (sessionId) => {
    await api.call('sessions.close', { sessionId });
    set((s) => without(s, sessionId));
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
      if (session.state === 'closed') return without(s, session.id);
      const recovery = recoveryOf(s.sessions[session.id], session, Date.now());
      return {
        sessions: { ...s.sessions, [session.id]: session },
        order: s.order.includes(session.id) ? s.order : [...s.order, session.id],
        ...(recovery && { recovered: { ...s.recovered, [session.id]: recovery } }),
      };
    }),
  sync: async () => {
    const result = await api.call('sessions.list', {});
    if (!result.ok) return;
    // One ordered channel carries replies and events: what arrives after this reply is newer.
    const listed = new Set(result.value.map((session) => session.id));
    set((s) =>
      s.order
        // A failed tab stays (core may have forgotten a session that never connected).
        .filter((id) => !listed.has(id) && s.sessions[id]?.state !== 'failed')
        .reduce((next, id) => ({ ...next, ...without(next, id) }), s),
    );
    for (const session of result.value) get().apply(session);
  },
}));

/** Opens of a profile on their way (see `open`). */
const inFlight = new Map<string, Promise<string | undefined>>();

/** The tabs without a session (its remembered sub-view too). */
function without(s: SessionsState, sessionId: string): Partial<SessionsState> {
  const sessions = { ...s.sessions };
  delete sessions[sessionId];
  const tabs = { ...s.tabs };
  delete tabs[sessionId];
  return { sessions, tabs, order: s.order.filter((id) => id !== sessionId) };
}

/**
 * A new session for the profile (none open, or only failed ones). Its failed tabs are replaced by
 * the new attempt — by the session when it connects, else by the tab of its own failure (core
 * reports it as a `failed` session before answering) — so a screen showing one moves along.
 */
async function openAgain(profileId: string): Promise<string | undefined> {
  const { getState: get, setState: set } = useSessions;
  const ofProfile = () => get().order.filter((id) => get().sessions[id]?.profileId === profileId);
  const failed = ofProfile();
  set((s) => ({
    opening: { ...s.opening, [profileId]: true },
    openErrors: { ...s.openErrors, [profileId]: undefined },
  }));
  const result = await api.call('sessions.open', { profileId });
  set((s) => ({ opening: { ...s.opening, [profileId]: false } }));
  if (result.ok) get().apply(result.value);
  else set((s) => ({ openErrors: { ...s.openErrors, [profileId]: result.error } }));
  const next = result.ok ? result.value.id : ofProfile().findLast((id) => !failed.includes(id));
  if (next) {
    for (const old of failed) {
      // Core may have forgotten a session that never connected: nothing to close there then.
      void api.call('sessions.close', { sessionId: old });
      set((s) => ({ ...without(s, old), successors: { ...s.successors, [old]: next } }));
    }
  }
  return result.ok ? result.value.id : undefined;
}

/** The session a screen showing `sessionId` shows now: itself, or the attempt that replaced it. */
export function currentSessionId(s: Pick<SessionsState, 'successors'>, sessionId: string): string {
  let id = sessionId;
  for (let hops = 0; hops < 100 && s.successors[id]; hops++) id = s.successors[id]!;
  return id;
}

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
