import type { KeyBytes } from '../../../shared/api/keys';
import type { Result } from '../../../shared/api/result';
import type { Expect, WriteResult } from '../../../shared/api/values';
import { api } from '../api/client';
import { feedInSlices, Sha1 } from './sha1';
import { nextTask } from './timeSlices';
import type { ValueTarget } from './editorDb';

/** Bytes per values.string.upload call (one binary message each, built and sent well within a frame). */
export const SAVE_CHUNK_BYTES = 512 * 1024;

const uploadId = (): string =>
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

/** Makes the staged bytes the value, if the server holds what `expect` says. */
export type CommitUpload = (
  staged: { uploadId: string; size: number; version: string },
  expect: Expect,
) => Promise<Result<WriteResult>>;

/** A string: the staged bytes are swapped in (values.string.commitUpload), keeping the TTL. */
export const commitString =
  (target: ValueTarget): CommitUpload =>
  (staged, expect) =>
    api.call('values.string.commitUpload', { ...target, ...staged, expect, ttl: 'keep' });

/** A hash field: the staged bytes become its value (values.hash.commitFieldUpload). */
export const commitField =
  (target: ValueTarget & { field: KeyBytes }): CommitUpload =>
  (staged, expect) =>
    api.call('values.hash.commitFieldUpload', { ...target, ...staged, expect });

/**
 * Saves a big value without one huge message: the bytes are staged in chunks
 * (values.string.upload), then committed atomically and checked against `expect` (a string's
 * commitUpload, a field's commitFieldUpload), with the same outcomes as a one-message save. A
 * failed save drops what it staged.
 */
export async function saveInChunks(
  target: ValueTarget,
  bytes: Uint8Array,
  expect: Expect,
  commit: CommitUpload,
): Promise<Result<WriteResult>> {
  const id = uploadId();
  const hash = new Sha1();
  const dropStaged = () => void api.call('values.string.abortUpload', { ...target, uploadId: id });
  for (let offset = 0; offset < bytes.length;) {
    const end = Math.min(bytes.length, offset + SAVE_CHUNK_BYTES);
    // A copy: Electron's IPC would carry a view's whole buffer (the whole value) with each chunk.
    const chunk = bytes.slice(offset, end);
    const staging = api.call('values.string.upload', { ...target, uploadId: id, offset, value: chunk });
    // Hashed while it travels (from the next task on: sending it was work enough for this one).
    await nextTask();
    await feedInSlices(hash, chunk);
    const staged = await staging;
    if (!staged.ok) {
      dropStaged();
      return staged;
    }
    offset = end;
  }
  const result = await commit({ uploadId: id, size: bytes.length, version: hash.hex() }, expect);
  if (!result.ok) dropStaged();
  return result;
}
