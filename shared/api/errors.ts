/**
 * Stable error codes that cross the API boundary. The UI keys its messages and next steps on
 * these; never rename one, only add.
 */
export const ERROR_CODES = [
  /** The input did not match the method's schema. `details` holds the zod issues. */
  'VALIDATION_FAILED',
  /** No such API method. */
  'UNKNOWN_METHOD',
  /** TCP connection refused: nothing listens on host:port. */
  'CONNECTION_REFUSED',
  /** The host name does not resolve. */
  'HOST_NOT_FOUND',
  /** No answer in time (connect or command). */
  'TIMEOUT',
  /** WRONGPASS / invalid password / unknown user. */
  'AUTH_FAILED',
  /** NOAUTH: the server needs a password and none was given. */
  'AUTH_REQUIRED',
  /** The connection dropped while a command was in flight. */
  'CONNECTION_LOST',
  /** Any other error reply from Redis; `details.reply` holds its first word (e.g. OOM). */
  'REDIS_ERROR',
  /** The profile, session or item asked for does not exist (any more). */
  'NOT_FOUND',
  /** The sentinels answered but do not monitor a master by that name. */
  'UNKNOWN_MASTER',
  /** None of the configured sentinels could be reached. */
  'NO_SENTINEL_REACHABLE',
  /** A replica-role session found no healthy replica. */
  'NO_REPLICA',
  /** The TLS handshake failed (certificate, host name, protocol); `message` says why. */
  'TLS_FAILED',
  /** The profiles file could not be read or written; nothing was overwritten. */
  'STORAGE_ERROR',
  /** Secrets cannot be encrypted on this machine (e.g. no OS keyring); nothing was saved. */
  'SECRETS_UNAVAILABLE',
  /** The target key already exists and the operation was asked not to overwrite it (NX, RENAMENX). */
  'KEY_EXISTS',
  /** A write was refused because the profile or session is read-only. */
  'READ_ONLY',
  /** The UI lost its link to core (web host stopped, socket closed). */
  'HOST_UNAVAILABLE',
  /** The web host refused a call: this client already has the most calls it may have in flight. Not applied. */
  'TOO_MANY_CALLS',
  /** Sentinel knows no reachable master right now (down, or a failover is running): retry shortly. */
  'NO_MASTER',
  /** The value changed on the server since it was loaded; `details.current` holds what is there now. */
  'CONFLICT',
  /** The key holds another type now (it was replaced); `details.type` says which. */
  'WRONGTYPE',
  /** The hash field already exists and the write was asked not to overwrite it (HSETNX, rename). */
  'FIELD_EXISTS',
  /** The value is too big to load or write whole here (see MAX_VALUE_BYTES). */
  'VALUE_TOO_LARGE',
  /** The server is out of memory (maxmemory reached, OOM): nothing was written. */
  'OOM',
  /**
   * A key-browser request named a database the session no longer browses (the user switched
   * db meanwhile); nothing was done. `details` holds `{ db, current }`.
   */
  'DB_CHANGED',
  /**
   * The server is a node of a Redis Cluster and the key lives on another node (MOVED), or its slot
   * is being moved to another node (ASK). Nothing was done and the redirect is never followed.
   * `details` is a ClusterRedirectDetails (shared/api/cluster.ts).
   */
  'CLUSTER_REDIRECT',
  /**
   * The server is a node of a Redis Cluster and one command named keys of several slots
   * (CROSSSLOT), which a cluster refuses. Nothing was done.
   */
  'CLUSTER_CROSSSLOT',
  /** A bug or an unexpected failure on our side. */
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  /** Human readable, already fit to show to the user. */
  message: string;
  details?: unknown;
}
