import { z } from 'zod';
import type { AppVersion } from './app';
import { bytesSchema } from './byteStrings';
import { ConnectionTargetSchema } from './connection';
import {
  ProfileIdSchema,
  ProfileInputSchema,
  type ConnectionTestReport,
  type ImportReport,
  type ProfileDraft,
  type ProfilesExport,
  type ProfilesList,
  type ProfileView,
} from './profiles';
import {
  REDIS_TYPES,
  type KeyBytes,
  type KeyJobStatus,
  type KeyLookup,
  type KeyMeta,
  type KeyRowsPage,
  type ScanStatus,
} from './keys';
import { QuickConnectInputSchema, type QuickConnected } from './quick';
import type { SandboxStarted, SandboxStatus } from './sandbox';
import type { PingResult, ServerInfo } from './server';
import { SettingsChangeSchema, type Settings, type SettingsView } from './settings';
import type { DatabasesReport, SessionView } from './sessions';
import {
  ExpectSchema,
  TtlChangeSchema,
  ValueBytesSchema,
  ChunkBytesSchema,
  MAX_CHUNK_BYTES,
  MAX_VALUE_BYTES,
  UploadIdSchema,
  type FieldChunk,
  type StringChunk,
  type StringDigest,
  type HashScanPage,
  type ListPage,
  type LoadedField,
  type LoadedString,
  type MgetItem,
  type SetScanPage,
  type StreamPage,
  type ValueHeader,
  type WriteResult,
  type ZsetRangePage,
  type ZsetScanPage,
} from './values';
import type { FailoverRequested, TimelineExport, TopologySnapshot, TopologyTimeline } from './topology';

/** A method: the zod schema for its input, and its output type (phantom, types only). */
export interface MethodSpec<S extends z.ZodType, O> {
  input: S;
  readonly output?: O;
}

const method =
  <O>() =>
  <S extends z.ZodType>(input: S): MethodSpec<S, O> => ({ input });

const NoInput = z.object({}).strict().default({});
const ById = z.object({ id: ProfileIdSchema }).strict();
const SessionId = z.string().min(1).max(64);
const BySession = z.object({ sessionId: SessionId }).strict();
/** A database index, as SELECT takes it. */
const Db = z.number().int().min(0).max(100_000);
/**
 * Key and value methods name the database they are meant for: they run on a connection pinned
 * to it, never on "whatever the session has selected now" (a write lands where the user saw).
 */
const InDb = z.object({ sessionId: SessionId, db: Db }).strict();
/** A key as sent by the UI: UTF-8 text, or base64 for any other bytes (see KeyBytes). */
const KeyBytesSchema = bytesSchema(1_000_000, 1_400_000);

/** A stream entry id as Redis reads it: two unsigned 64-bit numbers. */
const StreamEntryId = z
  .string()
  .regex(/^\d{1,20}-\d{1,20}$/, { message: 'A stream entry id, like 1700000000000-0', abort: true })
  .refine((id) => id.split('-').every((part) => /^\d+$/.test(part) && BigInt(part) <= 0xffff_ffff_ffff_ffffn), {
    message: 'Each part of a stream entry id is at most 18446744073709551615',
  });

/** Value methods: a key of the session. */
const ValueKey = InDb.extend({ key: KeyBytesSchema });
/** Elements in tables are cut to this many bytes; the side editor loads the whole one. */
const PreviewBytes = z.number().int().min(1).max(65_536).default(1_024);
const ScanPage = ValueKey.extend({
  cursor: z
    .string()
    .regex(/^\d{1,20}$/, 'A SCAN cursor')
    .default('0'),
  count: z.number().int().min(1).max(10_000).default(200),
  match: z.string().max(10_000).optional(),
  previewBytes: PreviewBytes,
});
const RangePage = ValueKey.extend({
  start: z.number().int().min(0),
  count: z.number().int().min(1).max(10_000).default(200),
  previewBytes: PreviewBytes,
});

/**
 * The whole API. Add a method here first; core's handler table and the renderer's client are
 * typed from this object, so a missing handler is a compile error.
 */
export const API = {
  'app.version': method<AppVersion>()(NoInput),
  'server.ping': method<PingResult>()(ConnectionTargetSchema),
  'server.info': method<ServerInfo>()(ConnectionTargetSchema),

  /** The app's settings (language…), read once at start; see settings.ts. */
  'settings.get': method<SettingsView>()(NoInput),
  /** Changes some settings, written at once; answers all of them. `settings.changed` follows. */
  'settings.set': method<Settings>()(SettingsChangeSchema),

  'profiles.list': method<ProfilesList>()(NoInput),
  /**
   * With `fromQuick` (a quick connect's id), secrets left out of `profile` are the ones typed in
   * quick connect, when the profile connects to that same server (NOT_FOUND once it is gone).
   */
  'profiles.create': method<ProfileView>()(
    z.object({ profile: ProfileInputSchema, fromQuick: ProfileIdSchema.optional() }).strict(),
  ),
  /**
   * Replaces the profile's settings. Secrets absent from the input keep their saved value while
   * the profile still connects where they were saved for (see secretBinding.ts). Turning
   * read-only off is refused (READ_ONLY) unless `allowWrites: true` says the user confirmed it.
   */
  'profiles.update': method<ProfileView>()(
    z.object({ id: ProfileIdSchema, profile: ProfileInputSchema, allowWrites: z.literal(true).optional() }).strict(),
  ),
  'profiles.duplicate': method<ProfileView>()(ById),
  'profiles.delete': method<{ id: string }>()(ById),
  /** The full order of profile ids (a permutation of the saved ones). */
  'profiles.reorder': method<ProfilesList>()(z.object({ ids: z.array(ProfileIdSchema).max(10_000) }).strict()),
  'profiles.parseUrl': method<ProfileDraft>()(
    z.object({ url: z.string().trim().min(1, 'Paste a URL').max(8192) }).strict(),
  ),
  /**
   * Tests settings before (or without) saving; with `id` (a saved profile or a quick connect's
   * id), secrets left blank come from that profile.
   */
  'profiles.test': method<ConnectionTestReport>()(
    z.object({ profile: ProfileInputSchema, id: ProfileIdSchema.optional() }).strict(),
  ),
  'profiles.export': method<ProfilesExport>()(z.object({ ids: z.array(ProfileIdSchema).min(1).max(10_000) }).strict()),
  'profiles.import': method<ImportReport>()(z.object({ json: z.string().min(1).max(20_000_000) }).strict()),

  'sessions.open': method<SessionView>()(z.object({ profileId: ProfileIdSchema }).strict()),
  'sessions.close': method<{ sessionId: string }>()(BySession),
  'sessions.list': method<SessionView[]>()(NoInput),
  'sessions.selectDb': method<SessionView>()(InDb),
  'sessions.databases': method<DatabasesReport>()(BySession),
  'sessions.info': method<ServerInfo>()(BySession),

  /** (Re)starts the background SCAN of the session's current db into core's key index. */
  'keys.scan': method<ScanStatus>()(
    InDb.extend({
      /** SCAN MATCH pattern (glob); omitted = every key. */
      match: z.string().max(10_000).optional(),
      type: z.enum(REDIS_TYPES).optional(),
      /** Stop after this many keys (the UI says so plainly). */
      cap: z.number().int().min(1).max(100_000_000).optional(),
      /** Production-gentle mode: at most this many SCAN calls per second. */
      maxCallsPerSecond: z.number().int().min(1).max(10_000).optional(),
    }),
  ),
  'keys.cancelScan': method<ScanStatus>()(InDb),
  'keys.status': method<ScanStatus>()(InDb),
  /** A window of the flattened tree (only expanded folders contribute their children). */
  'keys.rows': method<KeyRowsPage>()(
    InDb.extend({
      offset: z.number().int().min(0),
      limit: z.number().int().min(1).max(5_000),
      view: z.enum(['tree', 'flat']).default('tree'),
    }),
  ),
  /** Expands or collapses a folder; with `expanded: true` a capped scan completes that folder. */
  'keys.expand': method<{ total: number }>()(InDb.extend({ prefix: KeyBytesSchema, expanded: z.boolean() })),
  /** TYPE and PTTL for the rows on screen, batched. */
  'keys.meta': method<KeyMeta[]>()(InDb.extend({ keys: z.array(KeyBytesSchema).max(1_000) })),
  /**
   * Exact-key lookup with EXISTS, whatever the keyspace size; adds it to the index when the
   * current search (MATCH, TYPE) would list it, so the list and its count stay one result.
   */
  'keys.lookup': method<KeyLookup>()(InDb.extend({ key: KeyBytesSchema })),
  'keys.delete': method<{ deleted: number }>()(InDb.extend({ keys: z.array(KeyBytesSchema).min(1).max(10_000) })),

  /** RENAME, or RENAMENX when `onlyIfFree` (KEY_EXISTS when the new name is taken). */
  'keys.rename': method<{ key: KeyBytes }>()(
    InDb.extend({ key: KeyBytesSchema, newKey: KeyBytesSchema, onlyIfFree: z.boolean().default(true) }),
  ),
  /** PEXPIRE each key, or PERSIST when `ttlMs` is null. */
  'keys.expire': method<{ updated: number }>()(
    InDb.extend({
      keys: z.array(KeyBytesSchema).min(1).max(10_000),
      ttlMs: z
        .number()
        .int()
        .min(1)
        .max(100 * 365 * 24 * 3600 * 1000)
        .nullable(),
    }),
  ),
  /** Deletes every key under a folder prefix (SCAN MATCH prefix* + UNLINK in batches), as a job. */
  'keys.deleteFolder': method<KeyJobStatus>()(InDb.extend({ prefix: KeyBytesSchema })),
  'keys.cancelJob': method<KeyJobStatus>()(
    z.object({ sessionId: SessionId, jobId: z.string().min(1).max(64) }).strict(),
  ),

  /**
   * Starts (or joins) the live watch of a Sentinel deployment: from an open session or a saved
   * Sentinel profile; `masterName` defaults to the profile's. Events follow as `topology.*`.
   */
  'topology.watch': method<TopologySnapshot>()(
    z
      .object({
        sessionId: SessionId.optional(),
        profileId: ProfileIdSchema.optional(),
        masterName: z.string().trim().min(1).max(200).optional(),
      })
      .strict()
      .refine((v) => !!v.sessionId !== !!v.profileId, 'Give either sessionId or profileId'),
  ),
  /** Leaves a watch; the watcher stops (closing its sentinel connections) when nobody watches. */
  'topology.unwatch': method<{ watchId: string }>()(z.object({ watchId: SessionId }).strict()),
  'topology.snapshot': method<TopologySnapshot>()(z.object({ watchId: SessionId }).strict()),
  'topology.timeline': method<TopologyTimeline>()(z.object({ watchId: SessionId }).strict()),
  /** The timeline (failovers + events) as pretty JSON, with a file name to save it under. */
  'topology.exportTimeline': method<TimelineExport>()(z.object({ watchId: SessionId }).strict()),
  /** `SENTINEL FAILOVER <name>` on a reachable sentinel; READ_ONLY on read-only profiles. */
  'topology.failover': method<FailoverRequested>()(z.object({ watchId: SessionId }).strict()),

  /** TYPE, PTTL, size (STRLEN/HLEN/LLEN/SCARD/ZCARD/XLEN) and OBJECT ENCODING; NOT_FOUND if gone. */
  'values.header': method<ValueHeader>()(ValueKey),
  /** MEMORY USAGE key SAMPLES n: on demand only. n ≥ 1: SAMPLES 0 would walk the whole value. */
  'values.memory': method<{ bytes: number }>()(
    ValueKey.extend({ samples: z.number().int().min(1).max(1_000).default(5) }),
  ),
  /** A string value: whole up to 1 MB (or with `whole`), else its first 1 MB (`partial`). */
  'values.string.get': method<LoadedString>()(ValueKey.extend({ whole: z.boolean().default(false) })),
  /**
   * SET, checked atomically against `expect` (CONFLICT / KEY_EXISTS / NOT_FOUND / WRONGTYPE);
   * also creates keys (`expect: 'absent'` = NX). Never retried.
   */
  'values.string.set': method<WriteResult>()(
    ValueKey.extend({ value: ValueBytesSchema, expect: ExpectSchema, ttl: TtlChangeSchema.default('keep') }),
  ),
  /** Bytes `offset`… of a string (at most `length`), with STRLEN: big values load in chunks. */
  'values.string.chunk': method<StringChunk>()(
    ValueKey.extend({
      offset: z.number().int().min(0).max(MAX_VALUE_BYTES),
      length: z.number().int().min(1).max(MAX_CHUNK_BYTES),
    }),
  ),
  /** The string's SHA-1 (its version), STRLEN and PTTL, computed by the server. */
  'values.string.digest': method<StringDigest>()(ValueKey),
  /**
   * Stages one chunk of a big save under a temporary key (expiring), appended only if exactly
   * `offset` bytes are staged (else CONNECTION_LOST with `applied: false`: the server lost part
   * of it, e.g. in a failover; start over). Answers the bytes staged.
   */
  'values.string.upload': method<{ staged: number }>()(
    ValueKey.extend({
      uploadId: UploadIdSchema,
      offset: z.number().int().min(0).max(MAX_VALUE_BYTES),
      value: ChunkBytesSchema,
    }),
  ),
  /**
   * Replaces the key's value by the `size` staged bytes in one atomic step, checked against
   * `expect` like values.string.set (same errors; CONNECTION_LOST with `applied: false` if not
   * all was staged).
   * `version`: the SHA-1 of the staged bytes, answered back as the new version.
   */
  'values.string.commitUpload': method<WriteResult>()(
    ValueKey.extend({
      uploadId: UploadIdSchema,
      size: z.number().int().min(1).max(MAX_VALUE_BYTES),
      version: z.string().regex(/^[0-9a-f]{40}$/, 'A SHA-1 in hex'),
      expect: ExpectSchema,
      ttl: TtlChangeSchema.default('keep'),
    }),
  ),
  /** Drops what a chunked save staged (after it failed or was given up). */
  'values.string.abortUpload': method<{ removed: boolean }>()(ValueKey.extend({ uploadId: UploadIdSchema })),
  /** MSET, or MSETNX when `onlyIfNoneExist` (all or nothing; KEY_EXISTS lists the keys that exist). */
  'values.mset': method<{ count: number }>()(
    InDb.extend({
      pairs: z
        .array(z.object({ key: KeyBytesSchema, value: ValueBytesSchema }).strict())
        .min(1)
        .max(10_000),
      onlyIfNoneExist: z.boolean().default(false),
    }),
  ),
  /** One MGET for comparing string keys; each value cut to `previewBytes`. */
  'values.mget': method<MgetItem[]>()(
    InDb.extend({
      keys: z.array(KeyBytesSchema).min(1).max(100),
      previewBytes: z.number().int().min(1).max(1_048_576).default(65_536),
    }),
  ),
  /** One HSCAN page (plus HLEN); dedupe fields across pages (see HashScanPage). */
  'values.hash.scan': method<HashScanPage>()(ScanPage),
  /** HGET of one field, whole up to 1 MB (or with `whole`), with its version. */
  'values.hash.getField': method<LoadedField>()(
    ValueKey.extend({ field: KeyBytesSchema, whole: z.boolean().default(false) }),
  ),
  /** Bytes `offset`… of a field (at most `length`), all chunks of a load cut from one read of it. */
  'values.hash.fieldChunk': method<FieldChunk>()(
    ValueKey.extend({
      field: KeyBytesSchema,
      offset: z.number().int().min(0).max(MAX_VALUE_BYTES),
      length: z.number().int().min(1).max(MAX_CHUNK_BYTES),
    }),
  ),
  /**
   * Sets a field to the `size` bytes staged with values.string.upload, checked against `expect`
   * like values.hash.setField (and CONNECTION_LOST with `applied: false` if not all was staged).
   * `version`: the SHA-1 of the staged bytes.
   */
  'values.hash.commitFieldUpload': method<WriteResult>()(
    ValueKey.extend({
      field: KeyBytesSchema,
      uploadId: UploadIdSchema,
      size: z.number().int().min(1).max(MAX_VALUE_BYTES),
      version: z.string().regex(/^[0-9a-f]{40}$/, 'A SHA-1 in hex'),
      expect: ExpectSchema,
    }),
  ),
  /** HSET checked against `expect` (`'absent'` = HSETNX → FIELD_EXISTS); NOT_FOUND if the hash is gone. */
  'values.hash.setField': method<WriteResult>()(
    ValueKey.extend({ field: KeyBytesSchema, value: ValueBytesSchema, expect: ExpectSchema }),
  ),
  /** Atomic HSET new + HDEL old; FIELD_EXISTS if `newField` exists, NOT_FOUND if `field` is gone. */
  'values.hash.renameField': method<{ field: KeyBytes }>()(
    ValueKey.extend({ field: KeyBytesSchema, newField: KeyBytesSchema }),
  ),
  /** HDEL; `keyDeleted` when that emptied the hash (Redis then deletes the key). */
  'values.hash.deleteFields': method<{ deleted: number; keyDeleted: boolean }>()(
    ValueKey.extend({ fields: z.array(KeyBytesSchema).min(1).max(10_000) }),
  ),
  /** A new hash with its first fields and TTL; KEY_EXISTS if the key exists. */
  'values.hash.create': method<{ length: number; ttlMs: number }>()(
    ValueKey.extend({
      entries: z
        .array(z.object({ field: KeyBytesSchema, value: ValueBytesSchema }).strict())
        .min(1)
        .max(100_000),
      ttl: TtlChangeSchema.default('persist'),
    }),
  ),
  /** LRANGE start … start+count-1 (plus LLEN). */
  'values.list.range': method<ListPage>()(RangePage),
  /** One SSCAN page (plus SCARD). */
  'values.set.scan': method<SetScanPage>()(ScanPage),
  /** ZRANGE by rank WITHSCORES (REV when `reverse`), plus ZCARD. */
  'values.zset.range': method<ZsetRangePage>()(RangePage.extend({ reverse: z.boolean().default(false) })),
  /** One ZSCAN page (for MATCH filtering), plus ZCARD. */
  'values.zset.scan': method<ZsetScanPage>()(ScanPage),
  /** XRANGE (XREVRANGE when `reverse`) from the start/end, or after the entry id `after`, plus XLEN. */
  'values.stream.range': method<StreamPage>()(
    ValueKey.extend({
      after: StreamEntryId.optional(),
      count: z.number().int().min(1).max(10_000).default(200),
      reverse: z.boolean().default(false),
      previewBytes: PreviewBytes,
    }),
  ),

  /**
   * Connects once (like server.info) and keeps the settings as a transient profile in core's
   * memory: the answer's `quickId` opens a session (Browse) or seeds a saved profile.
   */
  'quick.connect': method<QuickConnected>()(QuickConnectInputSchema),
  /** The transient profile of a quick connect, as a view (no secret); NOT_FOUND once dropped. */
  'quick.profile': method<ProfileView>()(z.object({ quickId: ProfileIdSchema }).strict()),

  /** Whether the sandbox can run here, runs now, and which saved profile is its own. */
  'sandbox.status': method<SandboxStatus>()(NoInput),
  /**
   * Starts a local 1 master / 2 replicas / 3 sentinels deployment and a profile for it; after a
   * restart, the sandbox's own profile again (updated with the new ports).
   */
  'sandbox.start': method<SandboxStarted>()(NoInput),
  'sandbox.stop': method<SandboxStatus>()(NoInput),
} as const;

export type Api = typeof API;
export type MethodName = keyof Api;
/** What a caller passes (defaults optional). */
export type MethodInput<M extends MethodName> = z.input<Api[M]['input']>;
/** What a handler receives (after validation, defaults applied). */
export type MethodParams<M extends MethodName> = z.output<Api[M]['input']>;
export type MethodOutput<M extends MethodName> = Api[M] extends MethodSpec<z.ZodType, infer O> ? O : never;

export const isMethodName = (name: unknown): name is MethodName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(API, name);
