import type { AppVersion } from '../../shared/api/app';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/methods';
import type { Result } from '../../shared/api/result';
import { createDispatch, type Dispatch, type Handlers } from './api/dispatch';
import { EventBus } from './events/eventBus';
import { profileHandlers } from './profiles/profileHandlers';
import { createProfileService } from './profiles/profileService';
import { keyHandlers } from './keys/keyHandlers';
import { createKeyService } from './keys/keyService';
import { quickHandlers } from './quick/quickHandlers';
import { createQuickProfiles, isQuickId } from './quick/quickProfiles';
import { createSandboxService } from './localSandbox/sandboxService';
import { createKeyFileCipher } from './secrets/keyFileCipher';
import type { SecretCipher } from './secrets/secretCipher';
import { serverHandlers } from './server/serverHandlers';
import { testConnection } from './sessions/connectionTest';
import { sessionHandlers } from './sessions/sessionHandlers';
import { createSettingsService } from './settings/settingsService';
import { settingsHandlers } from './settings/settingsHandlers';
import { createSessionManager } from './sessions/sessionManager';
import { topologyHandlers } from './topology/topologyHandlers';
import { createTopologyService } from './topology/topologyService';
import { createValueContexts } from './values/valueContext';
import { valueHandlers } from './values/valueHandlers';

export interface CoreOptions {
  version: string;
  host: AppVersion['host'];
  /** Where Redlens keeps its files (profiles, keys); see resolveDataDir. */
  dataDir: string;
  /** How secrets are encrypted at rest: Electron passes safeStorage; default is the key file. */
  secretCipher?: SecretCipher;
}

export interface Core {
  dispatch: Dispatch;
  /** `dispatch` with the contract's types, for in-process callers (tests, benchmarks). */
  invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>>;
  events: EventBus;
  dataDir: string;
  /** Closes every session and connection core opened. */
  dispose(): Promise<void>;
}

/** Wires core's services behind one dispatch; the same object serves Electron and the web host. */
export function createCore(options: CoreOptions): Core {
  const events = new EventBus();
  const cipher = options.secretCipher ?? createKeyFileCipher(options.dataDir);
  const profiles = createProfileService({ dataDir: options.dataDir, cipher, events });
  // Saved profiles, or a quick connect's transient one (in memory only).
  const resolveProfile = async (id: string) => (isQuickId(id) ? quick.resolve(id) : profiles.resolve(id));
  const sessions = createSessionManager({ events, resolveProfile });
  const quick = createQuickProfiles({ events, inUse: (id) => sessions.list().some((s) => s.profileId === id) });
  const sandbox = createSandboxService(profiles, options.dataDir);
  const keys = createKeyService({ events, sessions });
  const topology = createTopologyService({ events, sessions, resolveProfile });
  const server = serverHandlers(events);

  const handlers: Handlers = {
    'app.version': async () => ({
      name: 'Redlens',
      version: options.version,
      host: options.host,
      platform: process.platform,
    }),
    ...server,
    ...settingsHandlers(createSettingsService({ dataDir: options.dataDir, events })),
    ...profileHandlers(profiles),
    // Replaces profileHandlers' own: `fromQuick` needs the quick connects' secrets.
    'profiles.create': ({ profile, fromQuick }) =>
      profiles.create(fromQuick ? quick.secretsFor(profile, fromQuick) : profile),
    'profiles.test': async ({ profile, id }) =>
      testConnection(
        await (isQuickId(id)
          ? profiles.resolveDraft(quick.secretsFor(profile, id))
          : profiles.resolveDraft(profile, id)),
      ),
    ...quickHandlers(quick, server['server.info']),
    ...sessionHandlers(sessions),
    ...keyHandlers(keys),
    ...valueHandlers(createValueContexts(sessions, keys)),
    ...sandbox.handlers,
    ...topologyHandlers(topology),
  };
  const dispatch = createDispatch(handlers);
  return {
    dispatch,
    invoke: (method, input) => dispatch(method, input) as Promise<Result<never>>,
    events,
    dataDir: options.dataDir,
    dispose: async () => {
      keys.dispose();
      topology.dispose();
      await sessions.closeAll();
      quick.dispose();
      await sandbox.stop();
    },
  };
}
