import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { decodeBinaryFrame, encodeFrame } from '../../shared/api/binaryFrames';
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

/** The bytes of a message as ws hands them over (one Buffer unless binaryType is changed). */
const rawBytes = (raw: RawData): Buffer =>
  Buffer.isBuffer(raw) ? raw : Array.isArray(raw) ? Buffer.concat(raw) : Buffer.from(raw);

/** A text frame is JSON; a binary frame is JSON with bytes after it (see binaryFrames). */
function parseClientMessage(raw: RawData, isBinary: boolean): ClientMessage | undefined {
  let data: unknown;
  if (isBinary) {
    data = decodeBinaryFrame(rawBytes(raw));
  } else {
    try {
      data = JSON.parse(rawBytes(raw).toString());
    } catch {
      return undefined;
    }
  }
  if (typeof data !== 'object' || data === null) return undefined;
  const m = data as Record<string, unknown>;
  if (m['type'] !== 'invoke' || typeof m['id'] !== 'number' || typeof m['method'] !== 'string') return undefined;
  return { type: 'invoke', id: m['id'], method: m['method'], input: m['input'] };
}

/** A message ready for ws: bytes (not a string: bufferedAmount counts a string's characters). */
interface Outgoing {
  bytes: Buffer;
  binary: boolean;
}

const outgoing = (message: ServerMessage): Outgoing => {
  const frame = encodeFrame(message);
  return typeof frame === 'string'
    ? { bytes: Buffer.from(frame), binary: false }
    : { bytes: Buffer.from(frame.buffer, frame.byteOffset, frame.length), binary: true };
};

/**
 * The answer to call `id`: JSON text, or a binary frame when it carries bytes. A result that
 * cannot be serialised (a string past V8's limit: RangeError; anything else: a bug) becomes an
 * error result for that call.
 */
function answerFrame(id: number, result: Result<unknown>): Outgoing {
  try {
    return outgoing({ type: 'result', id, result });
  } catch (e) {
    const answer =
      e instanceof RangeError
        ? fail({ code: 'VALUE_TOO_LARGE', message: 'The answer is too large to send to the browser.' })
        : fail({ code: 'INTERNAL', message: 'The answer could not be encoded.' });
    return outgoing({ type: 'result', id, result: answer });
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
  const push = (socket: WebSocket, { bytes, binary }: Outgoing) => {
    const state = states.get(socket);
    if (!state || socket.readyState !== socket.OPEN) return;
    if (socket.bufferedAmount - state.unwrittenAnswerBytes > limits.maxUnsentPushBytes) {
      socket.close(CLOSE_TOO_FAR_BEHIND, 'Too far behind: not reading');
      return;
    }
    socket.send(bytes, { binary });
  };

  const stopEvents = events.onAny((event, payload) => {
    let frame: Outgoing;
    try {
      frame = outgoing({ type: 'event', event, payload });
    } catch {
      return; // An event that cannot be encoded is a bug in core; the clients carry on.
    }
    for (const socket of wss.clients) push(socket, frame);
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
        const { bytes, binary } = answerFrame(message.id, result);
        state.unwrittenAnswerBytes += bytes.length;
        socket.send(bytes, { binary }, () => {
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
      const message = parseClientMessage(raw, isBinary);
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
        push(socket, answerFrame(message.id, busy));
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
