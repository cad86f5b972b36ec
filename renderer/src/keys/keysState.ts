import type { ApiError } from '../../../shared/api/errors';
import type { KeyBytes, KeyJobStatus, KeyMeta, RedisType, ScanStatus } from '../../../shared/api/keys';
import type { Page } from './keyPages';
import type { KeySelection } from './keySelection';

/*
 * The shapes the keys store and its slices (rowLoader, selectionActions, bulkActions) share.
 * Types only, in a file of their own so that the slices do not import the store that imports them.
 */

/** The key browser's state for one session: only the rows near the viewport live here. */
export interface SessionKeys {
  /**
   * The database these rows belong to. Every call names it, so an action lands in the db the
   * user saw, even if the session switched meanwhile (core runs it on a connection pinned there).
   */
  db: number;
  status?: ScanStatus;
  total: number;
  /** Bumped whenever core says the rows changed; pages of older generations get refetched. */
  generation: number;
  pages: Record<number, Page>;
  meta: Record<string, KeyMeta>;
  /** The row with the keyboard focus (aria-activedescendant). */
  focused: number;
  /** The multi-selection (compact: ranges and a few picked rows, see keySelection). */
  selection: KeySelection;
  view: 'tree' | 'flat';
  match: string;
  type?: RedisType;
  /** The key opened in the details pane. */
  openKey?: KeyBytes;
  /** Result of an exact-key lookup; `listed`: the key is in the list (the search may leave it out). */
  lookup?: { key: string; found: boolean; listed: boolean };
  /** The running or last folder delete (a finished one fades, see FADE_MS; an error stays). */
  job?: KeyJobStatus;
  /** The running or last bulk delete / TTL change (the same). */
  bulk?: BulkStatus;
  /** User limits for the scan: stop after `cap` keys; at most `maxCallsPerSecond` SCAN calls. */
  limits: { cap?: number; maxCallsPerSecond?: number };
  error?: ApiError;
}

/** A bulk delete or TTL change, as the selection bar shows it. */
export interface BulkStatus {
  kind: 'delete' | 'ttl';
  /** The database it acts on, for its whole run (the session may switch meanwhile). */
  db: number;
  state: 'running' | 'done' | 'cancelled' | 'error';
  /** Keys sent to the server so far, of `total`. */
  done: number;
  total: number;
  /** Keys the server actually changed (those that still existed). */
  affected: number;
  /** Folders deleted whole (their own jobs), of `folderTotal`. */
  foldersDone: number;
  folderTotal: number;
  /** For `ttl`: the new TTL, or null for "no expiry". */
  ttlMs?: number | null;
  error?: string;
}

/** What the slices (selection, bulk actions) get to work with. */
export interface StoreContext {
  patch(sessionId: string, p: Partial<SessionKeys> | ((s: SessionKeys) => Partial<SessionKeys>)): void;
  of(sessionId: string): SessionKeys;
  /** Rows changed: loaded pages become stale and are fetched again. */
  refresh(sessionId: string): void;
  /** Deleted keys: the details pane lets go of the opened one. */
  forgetDeleted(sessionId: string, keys: KeyBytes[]): void;
  /** Keys were deleted or created: the per-database counts are read again. */
  countsChanged(sessionId: string): void;
}
