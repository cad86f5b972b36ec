import type { Text } from '@codemirror/state';
import type { ErrorDetails } from '../../../shared/api/errors';
import type { Expect, ValueBytes, WriteResult } from '../../../shared/api/values';
import type { Result } from '../../../shared/api/result';
import { textDocOf } from './textDoc';
import { bytesOf } from './valueBytes';
import { isBig } from './valueViews';

/** A value (string, or hash field) as loaded for editing. */
export interface LoadedValue {
  bytes: Uint8Array;
  /** What saves are checked against; null when only a part was loaded. */
  version: string | null;
  /** The whole value's length in bytes. */
  size: number;
  partial: boolean;
  /**
   * Big values only (see isBig), prepared in time slices before the editor opens: their text as
   * an editor document, or null when they are not UTF-8.
   */
  text?: Text | null;
}

/** LoadedString and LoadedField (and the `current` of a CONFLICT) have the same shape here. */
export const loadedFrom = (l: { value: ValueBytes; size: number; partial: boolean; version: string | null }) => ({
  bytes: bytesOf(l.value),
  version: l.version,
  size: l.size,
  partial: l.partial,
});

/** Writes the bytes if the server holds what `expect` says. */
export type SaveCall = (bytes: Uint8Array, expect: Expect) => Promise<Result<WriteResult>>;

/** The `current` of a CONFLICT error's details, if it has one. */
export function conflictCurrent(details: ErrorDetails['CONFLICT'] | undefined): LoadedValue | undefined {
  const current = details?.current;
  return current && 'value' in current ? loadedFrom(current) : undefined;
}

/**
 * Readies a loaded value for the editor: a big one's text is decoded in time slices (progress in
 * bytes). Throws the signal's reason when aborted.
 */
export async function prepareLoaded(
  value: LoadedValue,
  onProgress: (done: number) => void,
  signal: AbortSignal,
): Promise<LoadedValue> {
  if (value.partial || !isBig(value.bytes)) return value;
  return { ...value, text: await textDocOf(value.bytes, onProgress, signal) };
}
