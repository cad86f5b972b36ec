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

/**
 * The largest message a client may send the web host, in bytes (the WebSocket `maxPayload`; a
 * bigger one closes that socket with 1009). The biggest legitimate call is `profiles.import`:
 * at most 20 M UTF-16 units of JSON text, at most 3 UTF-8 bytes each once escaped into the
 * message (control characters cannot appear raw in valid JSON), so ≤ 60 MB. Big strings travel
 * in chunks of at most MAX_CHUNK_BYTES (4 MB, raw in a binary frame: see binaryFrames), well
 * within this.
 */
export const MAX_CLIENT_MESSAGE_BYTES = 64 * 1024 * 1024;

/**
 * Calls one WebSocket client may have in flight on the web host (received, answer not yet handed
 * to the network). The host answers TOO_MANY_CALLS beyond it; the renderer queues calls above it,
 * so it never sees that error.
 */
export const MAX_CALLS_IN_FLIGHT = 64;

/** Messages on the web host's WebSocket (JSON text; a binary frame when they hold bytes). */
export type ClientMessage = { type: 'invoke'; id: number; method: string; input: unknown };
export type ServerMessage =
  { type: 'result'; id: number; result: Result<unknown> } | { type: 'event'; event: EventName; payload: unknown };

/** IPC channel names used by the Electron bridge. */
export const IPC_INVOKE = 'redlens:invoke';
export const IPC_EVENT = 'redlens:event';
