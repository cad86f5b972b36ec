import type Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import type { ServerInfo } from '../../../shared/api/server';
import type { DatabasesReport, SessionView } from '../../../shared/api/sessions';
import type { EventBus } from '../events/eventBus';
import type { ResolvedProfile } from '../profiles/resolvedProfile';
import { checkDatabase, readDatabases } from './databases';
import { formatAddress } from '../redis/nodeErrors';
import { SENTINEL_RECONNECT, STANDALONE_RECONNECT, type ReconnectPolicy } from '../redis/reconnectPolicy';
import { readServerInfo } from '../redis/serverInfo';
import { Session, type KeyBrowsing } from './session';
import { EndedSessions, sessionGone } from './sessionGone';

export interface SessionManager {
  /** Connects to a saved profile; resolves once ready, rejects with the precise error if not. */
  open(profileId: string): Promise<SessionView>;
  /** Closes every connection of the session and forgets it. */
  close(sessionId: string): Promise<void>;
  /** Open sessions (connecting, ready, reconnecting or failed), oldest first. */
  list(): SessionView[];
  view(sessionId: string): SessionView;
  /**
   * Switches the database the UI browses. No SELECT is sent on a shared connection: commands
   * for a db run on a connection pinned to it (`dbClient`).
   */
  selectDb(sessionId: string, db: number): Promise<SessionView>;
  databases(sessionId: string): Promise<DatabasesReport>;
  info(sessionId: string): Promise<ServerInfo>;
  /**
   * The session's ioredis client, for the features built on sessions. While it reconnects,
   * commands fail at once (CONNECTION_LOST) rather than queue; check `view().readOnly` before
   * writing.
   */
  client(sessionId: string): Redis;
  /**
   * A connection whose commands run in database `db` and no other, whatever the session
   * browses meanwhile: every key and value operation names its db and runs on one of these.
   */
  dbClient(sessionId: string, db: number): Promise<Redis>;
  /** The profile's key delimiter and SCAN COUNT, for the key browser. */
  keyBrowsing(sessionId: string): KeyBrowsing;
  /**
   * The sentinels announced `address` as the master of `masterName`: the profile's sessions
   * following that master reconnect to it now rather than after their back-off.
   */
  followMaster(profileId: string, masterName: string, address: string): void;
  closeAll(): Promise<void>;
}

export interface SessionManagerOptions {
  events: EventBus;
  resolveProfile: (id: string) => Promise<ResolvedProfile>;
  /** Overrides the reconnect policies (tests use a short budget). */
  reconnect?: Partial<ReconnectPolicy>;
}

export function createSessionManager({ events, resolveProfile, reconnect }: SessionManagerOptions): SessionManager {
  const sessions = new Map<string, Session>();
  const ended = new EndedSessions();

  const get = (sessionId: string): Session => {
    const session = sessions.get(sessionId);
    if (!session) throw sessionGone(ended.get(sessionId));
    return session;
  };

  const close = async (sessionId: string): Promise<void> => {
    const session = get(sessionId);
    sessions.delete(sessionId);
    ended.add(session.view);
    session.close();
  };

  return {
    async open(profileId) {
      const profile = await resolveProfile(profileId);
      const policy = { ...(profile.kind === 'sentinel' ? SENTINEL_RECONNECT : STANDALONE_RECONNECT), ...reconnect };
      const session = new Session({ id: randomUUID(), profileId, profile, events, policy });
      sessions.set(session.id, session);
      try {
        return await session.open();
      } catch (e) {
        // A session that never connected is not kept: the caller gets the error instead.
        sessions.delete(session.id);
        // A standalone session that never connected is still known by the server it tried.
        ended.add(session.view, profile.kind === 'standalone' ? formatAddress(profile.host, profile.port) : undefined);
        throw e;
      }
    },
    close,
    list: () => [...sessions.values()].map((s) => s.view),
    view: (sessionId) => get(sessionId).view,

    async selectDb(sessionId, db) {
      const session = get(sessionId);
      await checkDatabase(session.client, db);
      // Opens (and so proves) the connection pinned to that db before the UI moves there.
      await session.dbClient(db);
      session.dbSelected(db);
      return session.view;
    },

    databases: async (sessionId) => readDatabases(get(sessionId).client),
    info: async (sessionId) => readServerInfo(get(sessionId).client),
    client: (sessionId) => get(sessionId).client,
    dbClient: (sessionId, db) => get(sessionId).dbClient(db),
    keyBrowsing: (sessionId) => get(sessionId).keyBrowsing,

    followMaster(profileId, masterName, address) {
      for (const session of sessions.values()) {
        if (session.view.profileId === profileId && session.masterName === masterName) session.followMaster(address);
      }
    },

    async closeAll() {
      await Promise.all([...sessions.keys()].map((id) => close(id)));
    },
  };
}
