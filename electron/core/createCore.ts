import type { AppVersion } from '../../shared/api/app';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/methods';
import type { Result } from '../../shared/api/result';
import { createDispatch, type Dispatch, type Handlers } from './api/dispatch';
import { EventBus } from './events/eventBus';
import { profileHandlers } from './profiles/profileHandlers';
import { createProfileService } from './profiles/profileService';
import { keyHandlers } from './keys/keyHandlers';
import { createKeyService } from './keys/keyService';
import { createSandboxService } from './localSandbox/sandboxService';
import { createKeyFileCipher } from './secrets/keyFileCipher';
import type { SecretCipher } from './secrets/secretCipher';
import { serverHandlers } from './server/serverHandlers';
import { testConnection } from './sessions/connectionTest';
import { sessionHandlers } from './sessions/sessionHandlers';
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
  const sessions = createSessionManager({ events, resolveProfile: (id) => profiles.resolve(id) });
  const sandbox = createSandboxService(profiles, options.dataDir);
  const keys = createKeyService({ events, sessions });
  const topology = createTopologyService({ events, sessions, resolveProfile: (id) => profiles.resolve(id) });

  const handlers: Handlers = {
    'app.version': async () => ({
      name: 'Redlens',
      version: options.version,
      host: options.host,
      platform: process.platform,
    }),
    ...serverHandlers(events),
    ...profileHandlers(profiles),
    'profiles.test': async ({ profile, id }) => testConnection(await profiles.resolveDraft(profile, id)),
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
      await sandbox.stop();
    },
  };
}
