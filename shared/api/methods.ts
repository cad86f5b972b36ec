import { z } from 'zod';
import type { AppVersion } from './app';
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
import { REDIS_TYPES, type KeyBytes, type KeyJobStatus, type KeyMeta, type KeyRowsPage, type ScanStatus } from './keys';
import type { SandboxStarted, SandboxStatus } from './sandbox';
import type { PingResult, ServerInfo } from './server';
import type { DatabasesReport, SessionView } from './sessions';

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
/** A key as sent by the UI: UTF-8 text, or base64 for any other bytes (see KeyBytes). */
const KeyBytesSchema = z.union([z.string().max(1_000_000), z.object({ base64: z.string().max(1_400_000) }).strict()]);

/**
 * The whole API. Add a method here first; core's handler table and the renderer's client are
 * typed from this object, so a missing handler is a compile error.
 */
export const API = {
  'app.version': method<AppVersion>()(NoInput),
  'server.ping': method<PingResult>()(ConnectionTargetSchema),
  'server.info': method<ServerInfo>()(ConnectionTargetSchema),

  'profiles.list': method<ProfilesList>()(NoInput),
  'profiles.create': method<ProfileView>()(z.object({ profile: ProfileInputSchema }).strict()),
  /** Replaces the profile's settings; secrets absent from the input keep their saved value. */
  'profiles.update': method<ProfileView>()(z.object({ id: ProfileIdSchema, profile: ProfileInputSchema }).strict()),
  'profiles.duplicate': method<ProfileView>()(ById),
  'profiles.delete': method<{ id: string }>()(ById),
  /** The full order of profile ids (a permutation of the saved ones). */
  'profiles.reorder': method<ProfilesList>()(z.object({ ids: z.array(ProfileIdSchema).max(10_000) }).strict()),
  'profiles.parseUrl': method<ProfileDraft>()(
    z.object({ url: z.string().trim().min(1, 'Paste a URL').max(8192) }).strict(),
  ),
  /** Tests settings before (or without) saving; with `id`, secrets left blank come from that profile. */
  'profiles.test': method<ConnectionTestReport>()(
    z.object({ profile: ProfileInputSchema, id: ProfileIdSchema.optional() }).strict(),
  ),
  'profiles.export': method<ProfilesExport>()(z.object({ ids: z.array(ProfileIdSchema).min(1).max(10_000) }).strict()),
  'profiles.import': method<ImportReport>()(z.object({ json: z.string().min(1).max(20_000_000) }).strict()),

  'sessions.open': method<SessionView>()(z.object({ profileId: ProfileIdSchema }).strict()),
  'sessions.close': method<{ sessionId: string }>()(BySession),
  'sessions.list': method<SessionView[]>()(NoInput),
  'sessions.selectDb': method<SessionView>()(
    z.object({ sessionId: z.string().min(1).max(64), db: z.number().int().min(0).max(100_000) }).strict(),
  ),
  'sessions.databases': method<DatabasesReport>()(BySession),
  'sessions.info': method<ServerInfo>()(BySession),

  /** (Re)starts the background SCAN of the session's current db into core's key index. */
  'keys.scan': method<ScanStatus>()(
    z
      .object({
        sessionId: SessionId,
        /** SCAN MATCH pattern (glob); omitted = every key. */
        match: z.string().max(10_000).optional(),
        type: z.enum(REDIS_TYPES).optional(),
        /** Stop after this many keys (the UI says so plainly). */
        cap: z.number().int().min(1).max(100_000_000).optional(),
        /** Production-gentle mode: at most this many SCAN calls per second. */
        maxCallsPerSecond: z.number().int().min(1).max(10_000).optional(),
      })
      .strict(),
  ),
  'keys.cancelScan': method<ScanStatus>()(BySession),
  'keys.status': method<ScanStatus>()(BySession),
  /** A window of the flattened tree (only expanded folders contribute their children). */
  'keys.rows': method<KeyRowsPage>()(
    z
      .object({
        sessionId: SessionId,
        offset: z.number().int().min(0),
        limit: z.number().int().min(1).max(5_000),
        view: z.enum(['tree', 'flat']).default('tree'),
      })
      .strict(),
  ),
  /** Expands or collapses a folder; with `expanded: true` a capped scan completes that folder. */
  'keys.expand': method<{ total: number }>()(
    z.object({ sessionId: SessionId, prefix: KeyBytesSchema, expanded: z.boolean() }).strict(),
  ),
  /** TYPE and PTTL for the rows on screen, batched. */
  'keys.meta': method<KeyMeta[]>()(
    z.object({ sessionId: SessionId, keys: z.array(KeyBytesSchema).max(1_000) }).strict(),
  ),
  /** Exact-key lookup with EXISTS, whatever the keyspace size; adds it to the index. */
  'keys.lookup': method<KeyMeta>()(z.object({ sessionId: SessionId, key: KeyBytesSchema }).strict()),
  'keys.delete': method<{ deleted: number }>()(
    z.object({ sessionId: SessionId, keys: z.array(KeyBytesSchema).min(1).max(10_000) }).strict(),
  ),

  /** RENAME, or RENAMENX when `onlyIfFree` (KEY_EXISTS when the new name is taken). */
  'keys.rename': method<{ key: KeyBytes }>()(
    z
      .object({
        sessionId: SessionId,
        key: KeyBytesSchema,
        newKey: KeyBytesSchema,
        onlyIfFree: z.boolean().default(true),
      })
      .strict(),
  ),
  /** PEXPIRE each key, or PERSIST when `ttlMs` is null. */
  'keys.expire': method<{ updated: number }>()(
    z
      .object({
        sessionId: SessionId,
        keys: z.array(KeyBytesSchema).min(1).max(10_000),
        ttlMs: z
          .number()
          .int()
          .min(1)
          .max(100 * 365 * 24 * 3600 * 1000)
          .nullable(),
      })
      .strict(),
  ),
  /** Deletes every key under a folder prefix (SCAN MATCH prefix* + UNLINK in batches), as a job. */
  'keys.deleteFolder': method<KeyJobStatus>()(z.object({ sessionId: SessionId, prefix: KeyBytesSchema }).strict()),
  'keys.cancelJob': method<KeyJobStatus>()(
    z.object({ sessionId: SessionId, jobId: z.string().min(1).max(64) }).strict(),
  ),

  'sandbox.status': method<SandboxStatus>()(NoInput),
  /** Starts a local 1 master / 2 replicas / 3 sentinels deployment and a profile for it. */
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
