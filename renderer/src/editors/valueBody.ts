import type { ApiErrorOf } from '../../../shared/api/errors';
import type { SavedValue } from './byteEditorState';

/** What a value body (string, hash, list…) tells the editor around it. */
export interface BodyEvents {
  /** The key is gone (deleted or expired) while it was open. */
  onGone(): void;
  /** The key holds another type now (WRONGTYPE; `details.type` says which). */
  onWrongType(error: ApiErrorOf<'WRONGTYPE'>): void;
  /** A write changed the value: the header's size and TTL are stale, unless `result` says them. */
  onChanged(result?: SavedValue): void;
}
