/** Outputs of the `server.*` methods. */

export interface PingResult {
  reply: string;
  latencyMs: number;
}

export type ServerMode = 'standalone' | 'sentinel' | 'cluster';
export type ServerRole = 'master' | 'replica' | 'sentinel';

export interface ServerInfo {
  version: string;
  mode: ServerMode;
  role: ServerRole;
  /** Round trip of a PING sent right after connecting. */
  latencyMs: number;
  uptimeSeconds: number | null;
  connectedClients: number | null;
  usedMemoryHuman: string | null;
  /** Every INFO section, keys lower-cased (`server`, `replication`, …), values as sent. */
  sections: Record<string, Record<string, string>>;
}
