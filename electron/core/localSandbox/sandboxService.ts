import type { ProfileView } from '../../../shared/api/profiles';
import type { SandboxStarted, SandboxStatus, SandboxTopology } from '../../../shared/api/sandbox';
import type { Handler } from '../api/dispatch';
import { findRedisServer, startSentinelTopology, type SentinelTopology } from '../harness';

/** What the sandbox needs from the profile store (keeps this module independent of its internals). */
export interface SandboxProfiles {
  list(): Promise<{ profiles: ProfileView[] }>;
  create(params: SandboxProfileParams): Promise<ProfileView>;
  update(id: string, params: SandboxProfileParams): Promise<ProfileView>;
}

export interface SandboxProfileParams {
  kind: 'sentinel';
  name: string;
  color: 'teal';
  group: string;
  sentinels: { host: string; port: number }[];
  masterName: string;
  role: 'master';
  readOnly: boolean;
  connectTimeoutMs: number;
  keyDelimiter: string;
  scanCount: number;
  db: number;
  tls: { enabled: false; verify: true };
}

export const SANDBOX_PROFILE_NAME = 'Local Sentinel sandbox';

const toTopology = (t: SentinelTopology): SandboxTopology => ({
  masterName: t.masterName,
  master: { host: t.master.host, port: t.master.port },
  replicas: t.replicas.map((n) => ({ host: n.host, port: n.port })),
  sentinels: t.sentinels.map((n) => ({ host: n.host, port: n.port })),
});

/**
 * "Start a local Sentinel sandbox" from the first-run screen: real redis-server processes via
 * the test harness (stopped with core), and one profile pointing at them. Restarting the
 * sandbox reuses that profile with the new ports instead of piling up copies.
 */
export function createSandboxService(profiles: SandboxProfiles) {
  let running: SentinelTopology | undefined;
  let starting: Promise<SandboxStarted> | undefined;

  const status = (): SandboxStatus => {
    try {
      findRedisServer();
    } catch (e) {
      return { available: false, reason: e instanceof Error ? e.message : String(e) };
    }
    return running ? { available: true, running: toTopology(running) } : { available: true };
  };

  const start = async (): Promise<SandboxStarted> => {
    running ??= await startSentinelTopology();
    const topology = toTopology(running);
    const existing = (await profiles.list()).profiles.find(
      (p) => p.name === SANDBOX_PROFILE_NAME && p.kind === 'sentinel',
    );
    const params: SandboxProfileParams = {
      kind: 'sentinel',
      name: SANDBOX_PROFILE_NAME,
      color: 'teal',
      group: 'Sandbox',
      sentinels: topology.sentinels,
      masterName: topology.masterName,
      role: 'master',
      // A user who made the sandbox profile read-only keeps it so; only they can turn that off.
      readOnly: existing?.readOnly ?? false,
      connectTimeoutMs: 10_000,
      keyDelimiter: ':',
      scanCount: 1_000,
      db: 0,
      tls: { enabled: false, verify: true },
    };
    const profile = existing ? await profiles.update(existing.id, params) : await profiles.create(params);
    return { topology, profile };
  };

  const stop = async () => {
    const t = running;
    running = undefined;
    await t?.stop();
  };

  const handlers: {
    'sandbox.status': Handler<'sandbox.status'>;
    'sandbox.start': Handler<'sandbox.start'>;
    'sandbox.stop': Handler<'sandbox.stop'>;
  } = {
    'sandbox.status': async () => status(),
    'sandbox.start': () => {
      // Two clicks must not start two deployments.
      starting ??= start().finally(() => (starting = undefined));
      return starting;
    },
    'sandbox.stop': async () => {
      await stop();
      return status();
    },
  };
  return { handlers, stop };
}
