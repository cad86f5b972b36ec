import { z } from 'zod';

/** Colour tags a profile can carry (the UI maps them to its palette). */
export const PROFILE_COLORS = ['red', 'orange', 'yellow', 'green', 'teal', 'blue', 'purple', 'gray'] as const;
export type ProfileColor = (typeof PROFILE_COLORS)[number];

const HostSchema = z
  .string()
  .trim()
  .min(1, 'Host is required')
  .max(255)
  .refine((h) => !/\s/.test(h), 'A host name cannot contain spaces');
const PortSchema = z
  .number()
  .int('Port must be a whole number')
  .min(1, 'Port must be 1–65535')
  .max(65535, 'Port must be 1–65535');

export const EndpointSchema = z.object({ host: HostSchema, port: PortSchema }).strict();
export type Endpoint = z.infer<typeof EndpointSchema>;

/**
 * A secret in an input: a string sets it, `null` clears it, absent keeps what is saved.
 * Saved secrets never travel back to the UI (views carry `hasPassword` etc. instead).
 */
const SecretInput = z.string().min(1).max(4096).nullable().optional();
const OptionalText = (max: number) => z.string().trim().max(max).optional();

export const TlsInputSchema = z
  .object({
    enabled: z.boolean().default(false),
    /** PEM files on the machine that runs core. */
    caFile: OptionalText(4096),
    certFile: OptionalText(4096),
    keyFile: OptionalText(4096),
    keyPassphrase: SecretInput,
    /** SNI / the name the certificate must match; defaults to the host. */
    serverName: OptionalText(255),
    /** Verify the certificate chain and the host name. Turning it off is explicit. */
    verify: z.boolean().default(true),
  })
  .strict();

const common = {
  name: z.string().trim().min(1, 'Name is required').max(100, 'At most 100 characters'),
  color: z.enum(PROFILE_COLORS).default('red'),
  group: OptionalText(100),
  /** The UI and core refuse writes. */
  readOnly: z.boolean().default(false),
  connectTimeoutMs: z.number().int().min(500, 'At least 500 ms').max(120_000, 'At most 120 s').default(10_000),
  keyDelimiter: z.string().min(1, 'A delimiter is required').max(8).default(':'),
  scanCount: z.number().int().min(10, 'At least 10').max(100_000, 'At most 100,000').default(1_000),
  db: z.number().int().min(0).max(100_000).default(0),
  /** Data-node credentials (ACL user optional). */
  username: OptionalText(256),
  password: SecretInput,
  tls: TlsInputSchema.default({ enabled: false, verify: true }),
};

export const StandaloneProfileInputSchema = z
  .object({ kind: z.literal('standalone'), host: HostSchema, port: PortSchema, ...common })
  .strict();

export const SentinelProfileInputSchema = z
  .object({
    kind: z.literal('sentinel'),
    sentinels: z.array(EndpointSchema).min(1, 'Add at least one sentinel').max(32),
    masterName: z.string().trim().min(1, 'Master name is required').max(200),
    /** Credentials for the sentinels themselves, separate from the data nodes'. */
    sentinelUsername: OptionalText(256),
    sentinelPassword: SecretInput,
    /** `master`: read-write on the current master; `replica`: read-only browsing of a replica. */
    role: z.enum(['master', 'replica']).default('master'),
    ...common,
  })
  .strict();

export const ProfileInputSchema = z.discriminatedUnion('kind', [
  StandaloneProfileInputSchema,
  SentinelProfileInputSchema,
]);
/** What the UI sends to create/update/test a profile. */
export type ProfileInput = z.input<typeof ProfileInputSchema>;
/** The same after validation (defaults applied). */
export type ProfileParams = z.output<typeof ProfileInputSchema>;
export type ProfileKind = ProfileParams['kind'];

export const ProfileIdSchema = z.string().min(1).max(64);

export interface TlsView {
  enabled: boolean;
  caFile?: string;
  certFile?: string;
  keyFile?: string;
  serverName?: string;
  verify: boolean;
  hasKeyPassphrase: boolean;
}

interface ProfileViewCommon {
  id: string;
  name: string;
  color: ProfileColor;
  group?: string;
  readOnly: boolean;
  connectTimeoutMs: number;
  keyDelimiter: string;
  scanCount: number;
  db: number;
  username?: string;
  hasPassword: boolean;
  tls: TlsView;
  createdAt: string;
  updatedAt: string;
}

/** A saved profile as the UI sees it: never a secret, only whether one is saved. */
export type ProfileView =
  | (ProfileViewCommon & { kind: 'standalone'; host: string; port: number })
  | (ProfileViewCommon & {
      kind: 'sentinel';
      sentinels: Endpoint[];
      masterName: string;
      sentinelUsername?: string;
      hasSentinelPassword: boolean;
      role: 'master' | 'replica';
    });

/**
 * `details` of READ_ONLY when turning a profile's read-only off was not confirmed
 * (`allowWrites`), for the renderer to word and to ask for confirmation.
 */
export interface AllowWritesRequired {
  reason: 'ALLOW_WRITES_REQUIRED';
  profileId: string;
  profileName: string;
}

/** The main profiles file was unusable (damaged or missing) and a backup was loaded instead. */
export interface ProfilesRestored {
  /** The main profiles file. */
  file: string;
  /** Why it was not used; absent when it is missing. */
  reason?: string;
  /** Where a copy of the damaged file is kept (absent: it is moved aside before the next save). */
  damagedCopy?: string;
  /** The backup that was loaded, when it was saved (ISO time), and how many profiles it holds. */
  backup: string;
  backupSavedAt: string;
  restored: number;
  /** Newer backups that could not be used, newest first (`reason` absent: missing). */
  skipped: { file: string; reason?: string }[];
  /** Names legible in the damaged files that the backup does not hold: these were not recovered. */
  missing: string[];
  /**
   * The backup is older than the last save (the latest backup was unusable), so changes saved
   * after `backupSavedAt` may be lost beyond the `missing` names.
   */
  older: boolean;
}

export type StorageNotice = {
  level: 'warning' | 'error';
  /** Already worded (by core) for clients that do not know the code. */
  message: string;
} & ({ code?: undefined } | { code: 'PROFILES_RESTORED'; details: ProfilesRestored });

export interface ProfilesList {
  /** In the user's order. */
  profiles: ProfileView[];
  /** What the store had to say: a corrupted file, a backup used, secrets unavailable… */
  notices: StorageNotice[];
}

/** Fields a pasted URL fills in; the password comes back because the user just typed it. */
export type ProfileDraft = Partial<
  Omit<z.input<typeof StandaloneProfileInputSchema>, 'kind'> & Omit<z.input<typeof SentinelProfileInputSchema>, 'kind'>
> & { kind: ProfileKind };

export interface ConnectionTestReport {
  /** The data node that answered (`host:port`). */
  address: string;
  version: string;
  mode: 'standalone' | 'sentinel' | 'cluster';
  role: 'master' | 'replica' | 'sentinel';
  latencyMs: number;
  tls: boolean;
  sentinel?: {
    master: Endpoint;
    replicas: number;
    sentinels: number;
    /** How many of the configured sentinels answered. */
    sentinelsReachable: number;
  };
}

export interface ImportReport {
  imported: ProfileView[];
  /** Names skipped because a profile with the same name and address exists. */
  duplicates: string[];
  invalid: { index: number; name?: string; reason: string }[];
}

export interface ProfilesExport {
  fileName: string;
  /** JSON text, without secrets. */
  json: string;
}
