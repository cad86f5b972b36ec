import type { Result } from '../../../shared/api/result';
import type { Expect, WriteResult } from '../../../shared/api/values';
import { api } from '../api/client';
import type { ValueTarget } from './editorDb';
import { feedInSlices, Sha1 } from './sha1';
import { nextTask } from './timeSlices';
import { toValueBytes } from './valueBytes';

/** Bytes per values.string.upload call (one message each, built and sent well within a frame). */
export const SAVE_CHUNK_BYTES = 512 * 1024;

const uploadId = (): string =>
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

/** Where a chunk starting at `offset` ends without cutting a UTF-8 character (text stays text). */
function chunkEnd(bytes: Uint8Array, offset: number): number {
  let end = Math.min(bytes.length, offset + SAVE_CHUNK_BYTES);
  for (let back = 0; back < 3 && end < bytes.length && (bytes[end]! & 0xc0) === 0x80; back++) end--;
  return end > offset ? end : Math.min(bytes.length, offset + SAVE_CHUNK_BYTES);
}

/**
 * Saves a big string without one huge message: the bytes are staged in chunks
 * (values.string.upload), then swapped in atomically and checked against `expect`
 * (values.string.commitUpload), with the same outcomes as values.string.set. A failed save
 * drops what it staged.
 */
export async function saveStringInChunks(
  target: ValueTarget,
  bytes: Uint8Array,
  expect: Expect,
): Promise<Result<WriteResult>> {
  const id = uploadId();
  const hash = new Sha1();
  const dropStaged = () => void api.call('values.string.abortUpload', { ...target, uploadId: id });
  for (let offset = 0; offset < bytes.length;) {
    const end = chunkEnd(bytes, offset);
    const chunk = bytes.subarray(offset, end);
    const value = toValueBytes(chunk);
    const staging = api.call('values.string.upload', { ...target, uploadId: id, offset, value });
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
  const version = hash.hex();
  const result = await api.call('values.string.commitUpload', {
    ...target,
    uploadId: id,
    size: bytes.length,
    version,
    expect,
    ttl: 'keep',
  });
  if (!result.ok) dropStaged();
  return result;
}
