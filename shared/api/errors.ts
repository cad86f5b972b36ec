import type { core } from 'zod';
import type { ClusterRedirectDetails } from './cluster';
import type { AllowWritesRequired } from './profiles';
import type { SessionGoneDetails } from './sessions';
import type {
  FieldConflictDetails,
  MsetRefusedDetails,
  StringConflictDetails,
  WriteLostDetails,
  WrongTypeDetails,
} from './values';

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

/** `details.reply` of a refusal: the server's reply (or its first word), for the log. */
export interface ReplyDetails {
  reply: string;
}

/** One sentinel that did not answer, in NO_SENTINEL_REACHABLE (and sentinel auth / TLS) details. */
export interface SentinelFailure {
  address: string;
  code: ErrorCode;
  message: string;
}

/** `details.sentinels`: every configured sentinel that did not answer, and why. */
export interface SentinelFailuresDetails {
  sentinels: SentinelFailure[];
}

/**
 * `details` of AUTH_FAILED / AUTH_REQUIRED. `node` says whose credentials were refused when a
 * Sentinel profile has two sets (the sentinels' or the data nodes'); `address` is that node's.
 */
export interface AuthDetails {
  reply?: string;
  node?: 'sentinel' | 'data';
  address?: string;
  sentinels?: SentinelFailure[];
}

/** `details` of TLS_FAILED: the TLS error code, or the key material file that cannot be used. */
export type TlsDetails =
  | { tlsCode: string }
  | { file: string; problem: 'os' | 'not-a-file' | 'too-large' | 'timeout' }
  | SentinelFailuresDetails;

/** `details` of VALIDATION_FAILED: the zod issues of a call's input, or the db that does not exist. */
export type ValidationDetails = core.$ZodIssue[] | { min: number; max: number } | { db: number };

/** `details` of NOT_FOUND for a session that is not open: whose it was (empty when core forgot). */
export interface SessionNotFoundDetails {
  session: SessionGoneDetails | Record<string, never>;
}

/** `details` of UNKNOWN_MASTER: the name asked for and the masters the sentinels do monitor. */
export interface UnknownMasterDetails {
  masterName: string;
  knownMasters: string[];
}

/** `details` of NO_REPLICA: the replicas Sentinel knows, none of them healthy. */
export interface NoReplicaDetails {
  replicas: { address: string; flags: string | undefined }[];
}

/** `details` of DB_CHANGED: the db the call named and the one the session browses now. */
export interface DbChangedDetails {
  db: number;
  current: number;
}

/**
 * What `details` holds, per code (`never`: the code carries none). The wire sends these as they
 * are; the UI narrows on `code` to read them, never casts.
 */
export interface ErrorDetails {
  VALIDATION_FAILED: ValidationDetails;
  UNKNOWN_METHOD: never;
  CONNECTION_REFUSED: never;
  HOST_NOT_FOUND: never;
  TIMEOUT: never;
  AUTH_FAILED: AuthDetails;
  AUTH_REQUIRED: AuthDetails;
  /** From a write: whether it can have been applied. */
  CONNECTION_LOST: WriteLostDetails;
  REDIS_ERROR: ReplyDetails;
  NOT_FOUND: SessionNotFoundDetails;
  UNKNOWN_MASTER: UnknownMasterDetails;
  NO_SENTINEL_REACHABLE: SentinelFailuresDetails;
  NO_REPLICA: NoReplicaDetails;
  TLS_FAILED: TlsDetails;
  STORAGE_ERROR: { file: string; errno: string };
  SECRETS_UNAVAILABLE: never;
  /** values.mset with MSETNX: the keys that exist. */
  KEY_EXISTS: MsetRefusedDetails;
  /** Turning a profile's read-only off unconfirmed, or a replica's READONLY reply. */
  READ_ONLY: AllowWritesRequired | ReplyDetails;
  HOST_UNAVAILABLE: never;
  TOO_MANY_CALLS: { limit: number };
  NO_MASTER: never;
  CONFLICT: StringConflictDetails | FieldConflictDetails;
  WRONGTYPE: WrongTypeDetails;
  FIELD_EXISTS: never;
  /** `size`/`max` from core; `bytes`/`limit` when the web client refuses to send a request. */
  VALUE_TOO_LARGE: { size: number; max: number } | { bytes: number; limit: number };
  OOM: ReplyDetails;
  DB_CHANGED: DbChangedDetails;
  CLUSTER_REDIRECT: ClusterRedirectDetails;
  CLUSTER_CROSSSLOT: ReplyDetails;
  INTERNAL: never;
}

/** The error of one code, its `details` typed (optional: not every path that fails sets them). */
export type ApiErrorOf<C extends ErrorCode> = C extends ErrorCode
  ? {
      code: C;
      /** Human readable, already fit to show to the user. */
      message: string;
      details?: ErrorDetails[C];
    }
  : never;

/** Any API error: a union keyed by `code`, so `error.code === 'CONFLICT'` types `error.details`. */
export type ApiError = ApiErrorOf<ErrorCode>;
