import type { ApiError } from '../../../shared/api/errors';
import type { KeyBytes } from '../../../shared/api/keys';
import type { Result } from '../../../shared/api/result';
import { MAX_VALUE_BYTES, type StringChunk } from '../../../shared/api/values';
import { api } from '../api/client';
import type { LoadedValue } from './loadedValue';
import { feedInSlices, Sha1 } from './sha1';
import { nextTask } from './timeSlices';
import { formatBytes } from './valueBytes';
import type { ValueTarget } from './editorDb';

/** Bytes per chunk asked for: each answer is copied, and hashed, well within a frame. */
export const LOAD_CHUNK_BYTES = 512 * 1024;
/** Loads started over because the value changed meanwhile, before giving up. */
const ATTEMPTS = 3;

export interface LoadProgress {
  loaded: number;
  total: number;
  /** 1 for the first try; more when the value changed while loading and the load started over. */
  attempt: number;
}

/** Copies a chunk into `target` at `offset`; answers how many bytes it held (-1: more than fit). */
function copyChunk(value: Uint8Array, target: Uint8Array, offset: number): number {
  if (value.length > target.length - offset) return -1;
  target.set(value, offset);
  return value.length;
}

type Attempt = { done: LoadedValue } | { changed: number } | { failed: ApiError } | 'cancelled';

/**
 * Where a chunked load reads: its chunks (with the value's size now, and the version of the read
 * they were cut from, when there is one), and after the last one whether bytes hashing to
 * `version` are the value now (`same`), or its size now.
 */
export interface ChunkSource {
  read(offset: number, length: number): Promise<Result<StringChunk & { version?: string }>>;
  check(version: string, size: number, chunkVersions: Set<string>): Promise<Result<'same' | number>>;
}

/** A string: GETRANGE chunks, then the server's digest of the value now. */
export const stringSource = (target: ValueTarget): ChunkSource => ({
  read: (offset, length) => api.call('values.string.chunk', { ...target, offset, length }),
  async check(version, size) {
    const digest = await api.call('values.string.digest', target);
    if (!digest.ok) return digest;
    return {
      ok: true,
      value: digest.value.size === size && digest.value.version === version ? 'same' : digest.value.size,
    };
  },
});

/**
 * A hash field: chunks cut from one read of it (Redis cannot read part of a field), each naming
 * that read's version, so the bytes put together must hash to it.
 */
export const fieldSource = (target: ValueTarget & { field: KeyBytes }): ChunkSource => ({
  read: (offset, length) => api.call('values.hash.fieldChunk', { ...target, offset, length }),
  check: async (version, size, chunkVersions) => ({
    ok: true,
    value: chunkVersions.size === 1 && chunkVersions.has(version) ? 'same' : size,
  }),
});

/** `promise`'s value, or 'cancelled' as soon as `signal` aborts (a held answer must not hold Cancel). */
function unlessAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T | 'cancelled'> {
  if (signal.aborted) return Promise.resolve('cancelled');
  return new Promise((resolve, reject) => {
    const onAbort = () => resolve('cancelled');
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

/** Chunk reads in flight at once: the next ones travel while one is copied. */
const READ_AHEAD = 3;

/** One pass over the value: chunks into one buffer, then the source's check of what they make. */
async function loadOnce(
  source: ChunkSource,
  size: number,
  report: (loaded: number) => void,
  signal: AbortSignal,
): Promise<Attempt> {
  const bytes = new Uint8Array(size);
  const hash = new Sha1();
  const versions = new Set<string>();
  // Reads ahead at the offsets the chunks will start at if each holds all it was asked for;
  // a short one (the value changed) ends the pass anyway.
  const reads: Promise<Result<StringChunk & { version?: string }>>[] = [];
  let asked = 0;
  const readAhead = () => {
    while (reads.length < READ_AHEAD && asked < size) {
      reads.push(source.read(asked, LOAD_CHUNK_BYTES));
      asked += LOAD_CHUNK_BYTES;
    }
  };
  readAhead();
  for (let offset = 0; offset < size;) {
    const r = await unlessAborted(reads.shift()!, signal);
    if (r === 'cancelled') return r;
    await nextTask(); // the copy runs in a task of its own, not in the one that read the message
    if (signal.aborted) return 'cancelled';
    if (!r.ok) return { failed: r.error };
    const { value, bytes: count, size: now, version: read } = r.value;
    if (read !== undefined) versions.add(read);
    const whole = count === Math.min(LOAD_CHUNK_BYTES, size - offset);
    if (now !== size || !whole || copyChunk(value, bytes, offset) !== count) return { changed: now };
    readAhead();
    // Hashed while the next chunks travel, in slices (WebCrypto would hash it all in one task).
    await nextTask();
    await feedInSlices(hash, bytes.subarray(offset, offset + count));
    offset += count;
    report(offset);
  }
  const version = hash.hex();
  // Cancel takes effect at once, also while the server's check is on its way.
  const checked = await unlessAborted(source.check(version, size, versions), signal);
  if (checked === 'cancelled' || signal.aborted) return 'cancelled';
  if (!checked.ok) return { failed: checked.error };
  if (checked.value !== 'same') return { changed: checked.value };
  return { done: { bytes, version, size, partial: false } };
}

/**
 * Loads a big value whole, chunk by chunk into one preallocated buffer, then checks that the
 * bytes put together are the value on the server (a string: its SHA-1 must be the server's
 * digest; a field: the version of the read the chunks came from), which then is the version
 * saves are checked against. A value that changed meanwhile is loaded again, up to ATTEMPTS times.
 */
export async function loadInChunks(
  source: ChunkSource,
  opts: { size: number; signal: AbortSignal; onProgress(progress: LoadProgress): void },
): Promise<Result<LoadedValue> | 'cancelled'> {
  let size = opts.size;
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    if (size > MAX_VALUE_BYTES) {
      const message = `The value is ${formatBytes(size)} now; Redlens loads values up to ${formatBytes(MAX_VALUE_BYTES)} whole.`;
      return { ok: false, error: { code: 'VALUE_TOO_LARGE', message } };
    }
    opts.onProgress({ loaded: 0, total: size, attempt });
    const total = size;
    const outcome = await loadOnce(source, size, (loaded) => opts.onProgress({ loaded, total, attempt }), opts.signal);
    if (outcome === 'cancelled') return outcome;
    if ('done' in outcome) return { ok: true, value: outcome.done };
    if ('failed' in outcome) return { ok: false, error: outcome.failed };
    size = outcome.changed;
  }
  return {
    ok: false,
    error: {
      code: 'CONFLICT',
      message: `The value kept changing on the server while it loaded (${ATTEMPTS} tries). Load it again when it is quieter.`,
    },
  };
}
