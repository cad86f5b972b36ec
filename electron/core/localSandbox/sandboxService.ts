import type { ProfileColor, ProfileView } from '../../../shared/api/profiles';
import type { SandboxStarted, SandboxStatus, SandboxTopology } from '../../../shared/api/sandbox';
import type { Handler } from '../api/dispatch';
import { findRedisServer, startSentinelTopology, type SentinelTopology } from '../localRedis';
import { sandboxRecord } from './sandboxRecord';

/** What the sandbox needs from the profile store (keeps this module independent of its internals). */
export interface SandboxProfiles {
  list(): Promise<{ profiles: ProfileView[] }>;
  create(params: SandboxProfileParams): Promise<ProfileView>;
  update(id: string, params: SandboxProfileParams): Promise<ProfileView>;
}

export interface SandboxProfileParams {
  kind: 'sentinel';
  name: string;
  color: ProfileColor;
  group?: string;
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
 * electron/core/localRedis (stopped with core), and one profile pointing at them. Starting the sandbox
 * again (after an app restart, too) reuses that profile with the new ports instead of piling
 * up copies; `sandbox.json` in the data dir says which profile it is.
 */
export function createSandboxService(profiles: SandboxProfiles, dataDir: string) {
  const record = sandboxRecord(dataDir);
  let running: SentinelTopology | undefined;
  let starting: Promise<SandboxStarted> | undefined;

  /** The sandbox's saved profile: the recorded one, else (older data dirs) the one by its name. */
  const ownProfile = async (): Promise<ProfileView | undefined> => {
    const [list, id] = await Promise.all([profiles.list(), record.read()]);
    const sentinel = list.profiles.filter((p) => p.kind === 'sentinel');
    return id ? sentinel.find((p) => p.id === id) : sentinel.find((p) => p.name === SANDBOX_PROFILE_NAME);
  };

  const status = async (): Promise<SandboxStatus> => {
    const profileId = (await ownProfile())?.id;
    const own = profileId ? { profileId } : {};
    try {
      findRedisServer();
    } catch (e) {
      return { available: false, reason: e instanceof Error ? e.message : String(e), ...own };
    }
    return running ? { available: true, running: toTopology(running), ...own } : { available: true, ...own };
  };

  const start = async (): Promise<SandboxStarted> => {
    running ??= await startSentinelTopology();
    const topology = toTopology(running);
    const existing = await ownProfile();
    const params: SandboxProfileParams = {
      kind: 'sentinel',
      // The user's name, colour and group for it stay theirs.
      name: existing?.name ?? SANDBOX_PROFILE_NAME,
      color: existing?.color ?? 'teal',
      ...(existing ? existing.group && { group: existing.group } : { group: 'Sandbox' }),
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
    await record.write(profile.id);
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
    'sandbox.status': status,
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
