import type { Endpoint, ProfileView } from './profiles';

/** A local Sentinel deployment core can start for the user to explore (electron/core/localRedis). */
export interface SandboxStatus {
  /** `redis-server` is installed where core runs. */
  available: boolean;
  /** Why not, and how to fix it. */
  reason?: string;
  running?: SandboxTopology;
  /** The saved profile `sandbox.start` made for the sandbox (kept across restarts), if it still exists. */
  profileId?: string;
}

export interface SandboxTopology {
  masterName: string;
  master: Endpoint;
  replicas: Endpoint[];
  sentinels: Endpoint[];
}

export interface SandboxStarted {
  topology: SandboxTopology;
  /** The ready-to-use profile that points at it (created, or updated with the new ports). */
  profile: ProfileView;
}
