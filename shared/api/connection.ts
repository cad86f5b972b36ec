import { z } from 'zod';

/** Where and how to reach one Redis server, for ad-hoc calls (quick connect). */
export const ConnectionTargetSchema = z
  .object({
    host: z.string().trim().min(1, 'Host is required').max(255),
    port: z.number().int().min(1, 'Port must be 1–65535').max(65535, 'Port must be 1–65535'),
    username: z.string().max(256).optional(),
    password: z.string().max(4096).optional(),
    connectTimeoutMs: z.number().int().min(100).max(120_000).default(5_000),
  })
  .strict();

export type ConnectionTarget = z.input<typeof ConnectionTargetSchema>;
