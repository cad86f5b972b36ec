import type { EventMap, EventName } from './events';
import type { MethodInput, MethodName, MethodOutput } from './methods';
import type { Result } from './result';

/**
 * The one narrow surface between the UI and core. The Electron preload exposes exactly this as
 * `window.redlens`; the web host speaks it over a WebSocket.
 */
export interface RedlensBridge {
  invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>>;
  subscribe<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void;
}

/** Messages on the web host's WebSocket. */
export type ClientMessage = { type: 'invoke'; id: number; method: string; input: unknown };
export type ServerMessage =
  { type: 'result'; id: number; result: Result<unknown> } | { type: 'event'; event: EventName; payload: unknown };

/** IPC channel names used by the Electron bridge. */
export const IPC_INVOKE = 'redlens:invoke';
export const IPC_EVENT = 'redlens:event';
