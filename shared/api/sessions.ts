import type { ApiError } from './errors';
import type { ProfileKind } from './profiles';

export type SessionState = 'connecting' | 'ready' | 'reconnecting' | 'failed' | 'closed';

/** An open connection to a profile's server(s), as the UI sees it. */
export interface SessionView {
  id: string;
  profileId: string;
  profileName: string;
  kind: ProfileKind;
  /** The profile is read-only or the session browses a replica: no writes. */
  readOnly: boolean;
  db: number;
  state: SessionState;
  /** The data node currently used (`host:port`), once known. */
  address?: string;
  /** Reconnect attempt number while reconnecting. */
  attempt?: number;
  /** Why it failed, or the last error while reconnecting. */
  error?: ApiError;
  /**
   * Sentinel sessions: true while reconnecting because the sentinels know no reachable master
   * (master down, failover running). Writes fail with NO_MASTER until the state is ready again.
   */
  noMaster?: boolean;
  /**
   * A quick-connect session: its settings are a transient profile in core's memory (not saved;
   * `profileName` is the server's `host:port`).
   */
  quick?: true;
  /**
   * A standalone profile that points at a node of a Redis Cluster (`cluster_enabled:1`): only
   * this node's keys are browsed, and a key on another node is refused with CLUSTER_REDIRECT.
   */
  clusterNode?: boolean;
}

/**
 * `details.session` of NOT_FOUND for a session that is not open (any more): whose it was, when
 * core still knows (empty when it does not), so the UI names the profile, never the session id.
 */
export interface SessionGoneDetails {
  profileId: string;
  profileName: string;
  address?: string;
}

export interface SessionStateEvent {
  session: SessionView;
  at: number;
}

export interface DatabaseInfo {
  db: number;
  keys: number;
  expires: number;
}

export interface DatabasesReport {
  /** From `CONFIG GET databases`; 16 when CONFIG is disabled. */
  count: number;
  fromConfig: boolean;
  /** Only databases that hold keys (INFO keyspace). */
  keyspace: DatabaseInfo[];
}
