// CONTRACT READY
import { z } from 'zod';
import { bytesSchema } from './byteStrings';
import type { KeyBytes, RedisType } from './keys';

/*
 * The value editors' contract (methods `values.*` in methods.ts). In short:
 * - Open a key: `values.header` (type, size, TTL) with the type's first page/load. Key-level
 *   actions reuse the key browser's methods: `keys.expire` (TTL / persist), `keys.rename`,
 *   `keys.delete`.
 * - Strings: `values.string.get` → LoadedString (partial above 1 MB unless `whole`). Big ones
 *   load whole in chunks: `values.string.chunk` (≤ 4 MB each), then `values.string.digest` to
 *   check the bytes put together are the value as it is now (its SHA-1 is also its `version`),
 *   and save in chunks: `values.string.upload` stages them, `values.string.commitUpload`
 *   swaps them in, checked like `values.string.set` (`abortUpload` drops what was staged);
 *   `values.string.set` with `expect: { version }` for every save (CONFLICT carries the server's
 *   value), `'absent'` (NX) or `'exists'` (XX) to create, `ttl` defaulting to `'keep'` (KEEPTTL).
 * - Hashes: `values.hash.scan` pages (dedupe fields across pages), `getField` for the side editor
 *   (partial above 1 MB, like strings), `setField` (`expect` as for strings; `'absent'` =
 *   HSETNX), `renameField`, `deleteFields`, `create`. Big fields load whole in chunks
 *   (`values.hash.fieldChunk`, all cut from one read of the field) and save in chunks (staged with
 *   `values.string.upload`, then `values.hash.commitFieldUpload`). Bulk strings: `values.mset`;
 *   compare: `values.mget`.
 * - Other types: `values.list.range`, `values.set.scan`, `values.zset.range|scan`,
 *   `values.stream.range` (all paged). Elements come cut to `previewBytes` by the server, and a
 *   page of big elements holds fewer than `count`: it stops at a byte budget (core's pageBudget).
 *   Continue from where it ended (start + items, cursor, `next`), never assume a short page is
 *   the last one.
 * - Errors to expect: NOT_FOUND (key or field gone), WRONGTYPE (`details.type`), CONFLICT,
 *   KEY_EXISTS / FIELD_EXISTS, READ_ONLY (read-only session or READONLY replica), OOM,
 *   VALUE_TOO_LARGE, CONNECTION_LOST (`details.applied`: false = nothing written, 'unknown' =
 *   reload to check). No write is ever retried by core.
 */

/**
 * Values are bytes, and cross the boundary like keys (see KeyBytes): a plain string when the
 * bytes are valid UTF-8, `{ base64 }` otherwise. Every byte sequence round-trips exactly.
 */
export type ValueBytes = KeyBytes;

/**
 * The largest value core accepts to write or to load whole (bigger ones load partially). The UI
 * moves big strings and hash fields in chunks (values.string.chunk / upload, values.hash.fieldChunk
 * / commitFieldUpload); a single message to the web host is at most MAX_CLIENT_MESSAGE_BYTES
 * (64 MiB), so only the Electron bridge could carry a whole 256 MB value in one call.
 */
export const MAX_VALUE_BYTES = 256 * 1024 * 1024;
/** Strings up to this size load whole; bigger ones load this many first bytes (GETRANGE). */
export const PARTIAL_LOAD_BYTES = 1024 * 1024;

export const ValueBytesSchema = bytesSchema(MAX_VALUE_BYTES, Math.ceil(MAX_VALUE_BYTES / 3) * 4);

/** The most bytes one `values.string.chunk` answer or `values.string.upload` call carries. */
export const MAX_CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * One chunk of a value, at most MAX_CHUNK_BYTES: raw bytes (what the UI sends: a binary frame
 * on the web host, see binaryFrames; a Uint8Array through Electron's IPC), or ValueBytes.
 */
export const ChunkBytesSchema = z.union([
  z
    .instanceof(Uint8Array)
    .refine((bytes) => bytes.length <= MAX_CHUNK_BYTES, `At most ${MAX_CHUNK_BYTES} bytes in one chunk`),
  bytesSchema(MAX_CHUNK_BYTES, Math.ceil(MAX_CHUNK_BYTES / 3) * 4),
]);
export type ChunkBytes = Uint8Array | ValueBytes;

/** Names one chunked save (`values.string.upload` … `commitUpload`): 32 random hex digits. */
export const UploadIdSchema = z.string().regex(/^[0-9a-f]{32}$/, '32 hex digits');

const MAX_TTL_MS = 100 * 365 * 24 * 3600 * 1000;

/**
 * What a write does to the key's TTL. `keep` = SET … KEEPTTL (an existing TTL survives; a new
 * key gets none); `persist` = remove any TTL; `{ ms }` = PX; `{ seconds }` = EX.
 */
export const TtlChangeSchema = z.union([
  z.literal('keep'),
  z.literal('persist'),
  z.object({ ms: z.number().int().min(1).max(MAX_TTL_MS) }).strict(),
  z
    .object({
      seconds: z
        .number()
        .int()
        .min(1)
        .max(MAX_TTL_MS / 1000),
    })
    .strict(),
]);
export type TtlChange = z.infer<typeof TtlChangeSchema>;

/**
 * What the server must hold for a write to go ahead (checked atomically with the write):
 * - `{ version }`: the value is still the one loaded (its `version`), else CONFLICT;
 *   NOT_FOUND if the key is gone, WRONGTYPE if it changed type. Use this for every save.
 * - `'absent'`: the key (or hash field) does not exist yet, else KEY_EXISTS / FIELD_EXISTS (NX, HSETNX).
 * - `'exists'`: the key exists, whatever its value, else NOT_FOUND (XX).
 * - `'any'`: overwrite unconditionally (plain SET / HSET).
 */
export const ExpectSchema = z.union([
  z.object({ version: z.string().min(1).max(200) }).strict(),
  z.literal('absent'),
  z.literal('exists'),
  z.literal('any'),
]);
export type Expect = z.infer<typeof ExpectSchema>;

/** A value cut to a preview size for tables and comparisons. */
export interface ValuePreview {
  value: ValueBytes;
  /** The full value's length in bytes. */
  size: number;
  /** `value` holds only the first bytes (`size` says how many there are in all). */
  truncated: boolean;
}

/** values.header: what the editor shows above any value. Throws NOT_FOUND when the key is gone. */
export interface ValueHeader {
  key: KeyBytes;
  type: RedisType | string;
  /**
   * STRLEN / HLEN / LLEN / SCARD / ZCARD / XLEN: bytes for a string, elements otherwise;
   * null for types Redlens does not know (module types).
   */
  size: number | null;
  /** Milliseconds left, or -1 when the key has no expiry. */
  ttlMs: number;
  /** OBJECT ENCODING (listpack, hashtable, raw, …), when the server tells. */
  encoding?: string;
}

/** A loaded string value. */
export interface LoadedString {
  value: ValueBytes;
  /** STRLEN: the whole value's length in bytes. */
  size: number;
  /** Only the first `loadedBytes` were loaded (a big value); it cannot be saved back as is. */
  partial: boolean;
  loadedBytes: number;
  /**
   * Identifies the loaded bytes (SHA-1 of the whole value) for `expect: { version }` on save.
   * `null` for a partial load: load it whole before editing.
   */
  version: string | null;
  /** Milliseconds left, or -1 when the key has no expiry. */
  ttlMs: number;
}

/** values.string.chunk: bytes of a string from an offset (GETRANGE), with its length now. */
export interface StringChunk {
  /** The bytes, raw (a binary frame on the web host; see binaryFrames). */
  value: Uint8Array;
  /** How many bytes `value` holds: at most the length asked for; 0 at or past the end. */
  bytes: number;
  /** STRLEN now: if it is not the size the load started with, the value changed meanwhile. */
  size: number;
}

/**
 * values.hash.fieldChunk: bytes of a hash field from an offset. Redis cannot read part of a field,
 * so core reads it whole once (at offset 0) and cuts every chunk of that load from the same
 * bytes: they always fit together.
 */
export interface FieldChunk extends StringChunk {
  /**
   * SHA-1 of the whole field as read (its version, for `expect: { version }`). A chunk with another
   * version was cut from a newer read (the field changed, or the read was dropped): start over.
   */
  version: string;
}

/** values.string.digest: what identifies a string's value now, computed by the server. */
export interface StringDigest {
  /** SHA-1 of the whole value: LoadedString's `version`, for `expect: { version }`. */
  version: string;
  size: number;
  /** Milliseconds left, or -1 when the key has no expiry. */
  ttlMs: number;
}

/**
 * `details` of a CONFLICT error on a string save: what the server holds now, loaded like
 * values.string.get. Overwriting = saving again with `expect: { version: current.version }`
 * (for a partial `current`, load it whole first or save with `'exists'`).
 */
export interface StringConflictDetails {
  current: LoadedString;
}

/** `details` of a CONFLICT error on a hash field save: the field's current value. */
export interface FieldConflictDetails {
  current: LoadedField;
}

/** `details` of WRONGTYPE: the key's type now (e.g. `list`). */
export interface WrongTypeDetails {
  type: string;
}

/**
 * `details` of CONNECTION_LOST from a write: `false` = it never reached Redis (retry is safe);
 * `'unknown'` = it was in flight when the link dropped (reload to check before retrying).
 */
export interface WriteLostDetails {
  applied: false | 'unknown';
}

/** `details` of KEY_EXISTS from values.mset (MSETNX refused): the keys that exist. */
export interface MsetRefusedDetails {
  existing: KeyBytes[];
}

export interface WriteResult {
  /** The new value's version (for the next save without reloading). */
  version: string;
  size: number;
  /** The TTL after the write, or -1 when none. */
  ttlMs: number;
  /** The key's size right after the write, read in the same atomic step: STRLEN or HLEN. */
  keySize: number;
  /** Its OBJECT ENCODING then (a write can turn a listpack into a hashtable). */
  encoding?: string;
}

export interface MgetItem {
  key: KeyBytes;
  /** `none` when missing; another type when the key is not a string (then `value` is null). */
  type: 'string' | 'none' | string;
  value: ValuePreview | null;
}

export interface HashEntry {
  field: ValuePreview;
  value: ValuePreview;
}

/**
 * One HSCAN page. HSCAN may return a field twice across pages (when the hash is rehashed
 * meanwhile); a page itself has no duplicates, and the UI must dedupe by field across pages.
 */
export interface HashScanPage {
  /** Pass back for the next page; `'0'` = done. */
  cursor: string;
  entries: HashEntry[];
  /** HLEN now. */
  length: number;
}

/** One hash field loaded for editing. */
export interface LoadedField {
  field: ValueBytes;
  value: ValueBytes;
  size: number;
  partial: boolean;
  loadedBytes: number;
  /** SHA-1 of the whole field value, for `expect: { version }`; null when partial. */
  version: string | null;
}

export interface ListPage {
  /** LLEN now. */
  length: number;
  start: number;
  items: ValuePreview[];
}

export interface SetScanPage {
  cursor: string;
  /** Deduplicated within the page only, like HashScanPage. */
  members: ValuePreview[];
  /** SCARD now. */
  length: number;
}

export interface ZsetMember {
  member: ValuePreview;
  /** The score as Redis prints it (`1.5`, `inf`, `-inf`): no precision lost. */
  score: string;
}

export interface ZsetRangePage {
  /** ZCARD now. */
  length: number;
  start: number;
  members: ZsetMember[];
}

export interface ZsetScanPage {
  cursor: string;
  members: ZsetMember[];
  length: number;
}

export interface StreamEntry {
  /** `1700000000000-0`. */
  id: string;
  fields: { field: ValuePreview; value: ValuePreview }[];
  /** Fields of the entry not in `fields` (an entry with very many fields is cut). */
  moreFields?: number;
}

export interface StreamPage {
  /** XLEN now. */
  length: number;
  entries: StreamEntry[];
  /** Pass as `after` to continue in the same direction; absent when this was the last page. */
  next?: string;
}
