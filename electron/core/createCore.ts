import type { AppVersion } from '../../shared/api/app';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/methods';
import type { Result } from '../../shared/api/result';
import { createDispatch, type Dispatch, type Handlers } from './api/dispatch';
import { EventBus } from './events/eventBus';
import { serverHandlers } from './server/serverHandlers';

export interface CoreOptions {
  version: string;
  host: AppVersion['host'];
  /** Where Redlens keeps its files (profiles, keys); see resolveDataDir. */
  dataDir: string;
}

export interface Core {
  dispatch: Dispatch;
  /** `dispatch` with the contract's types, for in-process callers (tests, benchmarks). */
  invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>>;
  events: EventBus;
  dataDir: string;
  /** Closes everything core opened. */
  dispose(): Promise<void>;
}

/** Wires core's services behind one dispatch; the same object serves Electron and the web host. */
export function createCore(options: CoreOptions): Core {
  const events = new EventBus();
  const handlers: Handlers = {
    'app.version': async () => ({
      name: 'Redlens',
      version: options.version,
      host: options.host,
      platform: process.platform,
    }),
    ...serverHandlers(events),
  };
  const dispatch = createDispatch(handlers);
  return {
    dispatch,
    invoke: (method, input) => dispatch(method, input) as Promise<Result<never>>,
    events,
    dataDir: options.dataDir,
    dispose: async () => {},
  };
}
