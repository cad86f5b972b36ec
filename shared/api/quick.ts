import { z } from 'zod';
import { ConnectionTargetSchema } from './connection';
import type { ServerInfo } from './server';

/** Quick connect: a server reached once, and whether the session it may open refuses writes. */
export const QuickConnectInputSchema = ConnectionTargetSchema.extend({ readOnly: z.boolean().default(false) });

export interface QuickConnected {
  /**
   * The transient profile core now holds in memory for this server, typed password included
   * (never saved, never sent back): `sessions.open` with it browses the server, `profiles.create`
   * with `fromQuick` saves it. Dropped when its session closes.
   */
  quickId: string;
  info: ServerInfo;
}
