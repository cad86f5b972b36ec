import { WebSocketServer, type WebSocket } from 'ws';
import { fail, type Result } from '../../shared/api/result';
import {
  MAX_CALLS_IN_FLIGHT,
  MAX_CLIENT_MESSAGE_BYTES,
  type ClientMessage,
  type ServerMessage,
} from '../../shared/api/transport';
import type { Dispatch } from '../core/api/dispatch';
import type { EventBus } from '../core/events/eventBus';

export interface BridgeLimits {
  /** The largest message a client may send (WebSocket maxPayload); bigger closes with 1009. */
  maxMessageBytes: number;
  /** Calls per socket from receipt until their answer is handed to the network. */
  maxCallsInFlight: number;
  /**
   * Bytes of pushed events (and TOO_MANY_CALLS answers) a socket may have waiting to be written.
   * A client this far behind is not reading: it is closed with 1013.
   */
  maxUnsentPushBytes: number;
}

export const DEFAULT_BRIDGE_LIMITS: BridgeLimits = {
  maxMessageBytes: MAX_CLIENT_MESSAGE_BYTES,
  maxCallsInFlight: MAX_CALLS_IN_FLIGHT,
  // Events are small and throttled (progress, state changes): megabytes of them unsent means a
  // stalled or hostile client, not a slow link.
  maxUnsentPushBytes: 8 * 1024 * 1024,
};

/** 1003 (unsupported data): not one of our messages. */
export const CLOSE_MALFORMED = 1003;
/** 1013 (try again later): the client stopped reading what we push; it reconnects. */
export const CLOSE_TOO_FAR_BEHIND = 1013;

function parseClientMessage(raw: string): ClientMessage | undefined {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null) return undefined;
  const m = data as Record<string, unknown>;
  if (m['type'] !== 'invoke' || typeof m['id'] !== 'number' || typeof m['method'] !== 'string') return undefined;
  return { type: 'invoke', id: m['id'], method: m['method'], input: m['input'] };
}

/**
 * The answer to call `id` as text. A result that cannot be serialised (a string past V8's
 * limit: RangeError; anything else: a bug) becomes an error result for that call.
 */
function resultText(id: number, result: Result<unknown>): string {
  try {
    return JSON.stringify({ type: 'result', id, result } satisfies ServerMessage);
  } catch (e) {
    const answer =
      e instanceof RangeError
        ? fail({ code: 'VALUE_TOO_LARGE', message: 'The answer is too large to send to the browser.' })
        : fail({ code: 'INTERNAL', message: 'The answer could not be encoded.' });
    return JSON.stringify({ type: 'result', id, result: answer } satisfies ServerMessage);
  }
}

interface SocketState {
  callsInFlight: number;
  /** Bytes of answers handed to ws and not yet written (each holds a call slot until then). */
  unwrittenAnswerBytes: number;
}

/**
 * Speaks the bridge protocol on authenticated sockets: `invoke` → dispatch → `result`, and every
 * core event pushed to every socket. Authentication happens before the upgrade (webHost).
 * Whatever one client sends or fails to read costs only that client its socket.
 */
export function createWsBridge(dispatch: Dispatch, events: EventBus, limits: BridgeLimits = DEFAULT_BRIDGE_LIMITS) {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: limits.maxMessageBytes,
    perMessageDeflate: false,
  });
  const states = new WeakMap<WebSocket, SocketState>();

  /**
   * Sends what no call slot bounds (events, TOO_MANY_CALLS answers). The socket's buffered bytes
   * minus the answers being written is what this client has not taken of our pushes; past the
   * bound it has stopped reading, and is closed rather than buffered without end.
   */
  const push = (socket: WebSocket, bytes: Buffer) => {
    const state = states.get(socket);
    if (!state || socket.readyState !== socket.OPEN) return;
    if (socket.bufferedAmount - state.unwrittenAnswerBytes > limits.maxUnsentPushBytes) {
      socket.close(CLOSE_TOO_FAR_BEHIND, 'Too far behind: not reading');
      return;
    }
    socket.send(bytes, { binary: false });
  };

  const stopEvents = events.onAny((event, payload) => {
    let bytes: Buffer;
    try {
      bytes = Buffer.from(JSON.stringify({ type: 'event', event, payload } satisfies ServerMessage));
    } catch {
      return; // An event that cannot be encoded is a bug in core; the clients carry on.
    }
    for (const socket of wss.clients) push(socket, bytes);
  });

  const answer = (socket: WebSocket, state: SocketState, message: ClientMessage) => {
    state.callsInFlight += 1;
    dispatch(message.method, message.input)
      .catch(() => fail({ code: 'INTERNAL', message: 'The call failed unexpectedly.' }))
      .then((result) => {
        if (socket.readyState !== socket.OPEN) {
          state.callsInFlight -= 1;
          return;
        }
        // The slot stays taken until the answer is written: a client that does not read cannot
        // make us hold more than maxCallsInFlight answers.
        // Bytes, not a string: bufferedAmount counts a string's characters, not its bytes.
        const bytes = Buffer.from(resultText(message.id, result));
        state.unwrittenAnswerBytes += bytes.length;
        socket.send(bytes, { binary: false }, () => {
          state.unwrittenAnswerBytes -= bytes.length;
          state.callsInFlight -= 1;
        });
      });
  };

  wss.on('connection', (socket) => {
    const state: SocketState = { callsInFlight: 0, unwrittenAnswerBytes: 0 };
    states.set(socket, state);
    // A bad frame (unmasked, invalid UTF-8, too big, reserved bits…): ws has already closed this
    // socket with the matching code (1002, 1007, 1009). Without a listener it would throw.
    socket.on('error', () => undefined);
    socket.on('message', (raw, isBinary) => {
      if (socket.readyState !== socket.OPEN) return;
      const message = isBinary ? undefined : parseClientMessage(raw.toString());
      if (!message) {
        socket.close(CLOSE_MALFORMED, 'Malformed message');
        return;
      }
      if (state.callsInFlight >= limits.maxCallsInFlight) {
        const busy = fail({
          code: 'TOO_MANY_CALLS',
          message: `Too many calls at once (at most ${limits.maxCallsInFlight} wait for an answer). Try again.`,
          details: { limit: limits.maxCallsInFlight },
        });
        push(socket, Buffer.from(resultText(message.id, busy)));
        return;
      }
      answer(socket, state, message);
    });
  });

  return {
    wss,
    close: () =>
      new Promise<void>((resolve) => {
        stopEvents();
        for (const socket of wss.clients) socket.terminate();
        wss.close(() => resolve());
      }),
  };
}
