/**
 * Keys are bytes. Across the boundary a key travels as a plain string when its bytes are valid
 * UTF-8 (the common case, cheap to send) and as `{ base64 }` otherwise, so every byte sequence
 * round-trips exactly. Core decodes it back to a Buffer before talking to Redis.
 */
export type KeyBytes = string | { base64: string };

export const REDIS_TYPES = ['string', 'hash', 'list', 'set', 'zset', 'stream'] as const;
export type RedisType = (typeof REDIS_TYPES)[number];

export type ScanState = 'idle' | 'scanning' | 'complete' | 'capped' | 'cancelled' | 'error';

/** Where the background SCAN of a session stands; the UI shows it verbatim, honestly. */
export interface ScanStatus {
  state: ScanState;
  /** Distinct keys in the index. */
  keys: number;
  /** DBSIZE when the scan started: the "of ~N" in "412,000 of ~1,000,000". */
  dbSize: number;
  /** SCAN calls made so far. */
  calls: number;
  match?: string;
  type?: RedisType;
  /** The cap on loaded keys, when one is set. `capped` means it stopped there. */
  cap?: number;
  startedAt?: number;
  finishedAt?: number;
  /** Why it stopped, when `state` is `error`. */
  error?: { code: string; message: string };
}

export interface ScanStatusEvent {
  sessionId: string;
  status: ScanStatus;
  /** The tree's row count changed: visible rows should be fetched again. */
  rowsChanged: boolean;
  at: number;
}

/** One visible row of the flattened, expanded tree (or of the flat list). */
export type KeyRow =
  | {
      kind: 'folder';
      /** Full prefix including the trailing delimiter, e.g. `user:1:`; the folder's identity. */
      prefix: KeyBytes;
      /** The segment shown, e.g. `1`. */
      name: KeyBytes;
      depth: number;
      /** Keys below this folder (all levels) in the index. */
      count: number;
      expanded: boolean;
    }
  | {
      kind: 'key';
      key: KeyBytes;
      /** The last segment (the whole key in flat view). */
      name: KeyBytes;
      depth: number;
    };

export interface KeyRowsPage {
  /** Rows in the whole flattened view (for the scrollbar). */
  total: number;
  offset: number;
  rows: KeyRow[];
}

export interface KeyMeta {
  key: KeyBytes;
  /** `none` when the key no longer exists. */
  type: RedisType | 'none' | string;
  /** Milliseconds left; -1 no expiry; -2 gone. */
  ttlMs: number;
}

/** An exact-key lookup's answer. */
export interface KeyLookup extends KeyMeta {
  /**
   * The key is in the tree's list now. False when it does not exist, or when the current search
   * (a MATCH pattern or a TYPE filter) leaves it out: it is not added, so the list and its count
   * keep describing the search.
   */
  listed: boolean;
}

/** A long-running key job (deleting a folder): progress pushed as `keys.job` events. */
export interface KeyJobStatus {
  sessionId: string;
  jobId: string;
  kind: 'deleteFolder';
  /** The database it deletes in, for its whole life. */
  db: number;
  prefix: KeyBytes;
  state: 'running' | 'done' | 'cancelled' | 'error';
  /** Keys deleted so far. */
  deleted: number;
  /** Keys the index held under the prefix when the job started (an estimate: others may write). */
  expected: number;
  error?: { code: string; message: string };
  at: number;
}
