import { z } from 'zod';
import {
  ProfileIdSchema,
  SentinelProfileInputSchema,
  StandaloneProfileInputSchema,
  TlsInputSchema,
} from '../../../shared/api/profiles';

export const PROFILES_FORMAT = 'redlens.profiles';
export const PROFILES_VERSION = 1;

/** A secret as stored: the cipher's name and its ciphertext. Never plaintext. */
export const SealedSecretSchema = z.object({ scheme: z.string().min(1).max(64), data: z.string().min(1) }).strict();
export type SealedSecret = z.infer<typeof SealedSecretSchema>;

// The saved form of a profile: the input's settings, with secrets sealed, plus id and timestamps.
const saved = {
  id: ProfileIdSchema,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  password: SealedSecretSchema.optional(),
  tls: TlsInputSchema.extend({ keyPassphrase: SealedSecretSchema.optional() }),
};

export const StoredProfileSchema = z.discriminatedUnion('kind', [
  StandaloneProfileInputSchema.extend(saved),
  SentinelProfileInputSchema.extend({ ...saved, sentinelPassword: SealedSecretSchema.optional() }),
]);
export type StoredProfile = z.output<typeof StoredProfileSchema>;

export const ProfilesFileSchema = z
  .object({
    format: z.literal(PROFILES_FORMAT),
    version: z.literal(PROFILES_VERSION),
    /** The user's order. */
    profiles: z.array(StoredProfileSchema).superRefine((profiles, ctx) => {
      const seen = new Set<string>();
      profiles.forEach((p, i) => {
        if (seen.has(p.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `Duplicate profile id ${p.id}` });
        seen.add(p.id);
      });
    }),
  })
  .strict();
export type ProfilesFile = z.output<typeof ProfilesFileSchema>;

export const serializeProfilesFile = (profiles: StoredProfile[]): string =>
  `${JSON.stringify({ format: PROFILES_FORMAT, version: PROFILES_VERSION, profiles } satisfies ProfilesFile, null, 2)}\n`;
