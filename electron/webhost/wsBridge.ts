import { WebSocketServer, type WebSocket } from 'ws';
import type { ClientMessage, ServerMessage } from '../../shared/api/transport';
import type { Dispatch } from '../core/api/dispatch';
import type { EventBus } from '../core/events/eventBus';

/**
 * Upper bound for one request. Most requests are small (values are paged), but saving a whole
 * string is one request: core accepts up to 256 MB, which is ~342 MB as base64 inside JSON.
 */
export const MAX_MESSAGE_BYTES = 360 * 1024 * 1024;

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

const send = (socket: WebSocket, message: ServerMessage) => {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
};

/**
 * Speaks the bridge protocol on authenticated sockets: `invoke` → dispatch → `result`, and every
 * core event pushed to every socket. Authentication happens before the upgrade (webHost).
 */
export function createWsBridge(dispatch: Dispatch, events: EventBus) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const stopEvents = events.onAny((event, payload) => {
    for (const socket of wss.clients) send(socket, { type: 'event', event, payload });
  });

  wss.on('connection', (socket) => {
    socket.on('message', (raw, isBinary) => {
      const message = isBinary ? undefined : parseClientMessage(raw.toString());
      if (!message) {
        socket.close(1003, 'Malformed message');
        return;
      }
      void dispatch(message.method, message.input).then((result) =>
        send(socket, { type: 'result', id: message.id, result }),
      );
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
