import type { EventMap, EventName } from '../../../shared/api/events';
import type { MethodName } from '../../../shared/api/methods';
import { fail, type Result } from '../../../shared/api/result';
import type { ClientMessage, RedlensBridge, ServerMessage } from '../../../shared/api/transport';
import type { LinkStatus } from './linkStatus';

const API_PATH = '/api';
const MAX_BACKOFF_MS = 5_000;

interface Pending {
  resolve: (r: Result<unknown>) => void;
}

/**
 * The bridge over the web host's WebSocket. Calls made while the socket is (re)connecting wait
 * for it; calls in flight when it drops fail with HOST_UNAVAILABLE (never silently retried —
 * a write must not be applied twice). Reconnects with back-off.
 */
export function createWsTransport(
  location: { protocol: string; host: string; search: string },
  onStatus: (status: LinkStatus) => void,
): RedlensBridge {
  const token = new URLSearchParams(location.search).get('token') ?? '';
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${API_PATH}?token=${encodeURIComponent(token)}`;
  const pending = new Map<number, Pending>();
  const listeners = new Map<EventName, Set<(p: unknown) => void>>();
  let queue: ClientMessage[] = [];
  let nextId = 1;
  let attempt = 0;
  let socket: WebSocket;

  const connect = () => {
    onStatus({ kind: 'websocket', state: attempt === 0 ? 'connecting' : 'reconnecting', attempt });
    socket = new WebSocket(url);
    socket.onopen = () => {
      attempt = 0;
      onStatus({ kind: 'websocket', state: 'open', attempt });
      for (const m of queue) socket.send(JSON.stringify(m));
      queue = [];
    };
    socket.onmessage = (e) => {
      const message = JSON.parse(String(e.data)) as ServerMessage;
      if (message.type === 'result') {
        pending.get(message.id)?.resolve(message.result);
        pending.delete(message.id);
      } else {
        for (const l of listeners.get(message.event) ?? []) l(message.payload);
      }
    };
    socket.onclose = () => {
      for (const [, p] of pending) {
        p.resolve(
          fail({
            code: 'HOST_UNAVAILABLE',
            message: 'Lost the link to the Redlens host before the answer came. Check the result before retrying.',
          }),
        );
      }
      pending.clear();
      attempt += 1;
      onStatus({ kind: 'websocket', state: 'reconnecting', attempt });
      setTimeout(connect, Math.min(MAX_BACKOFF_MS, 250 * 2 ** Math.min(attempt, 5)));
    };
  };
  connect();

  return {
    invoke: <M extends MethodName>(method: M, input: unknown) =>
      new Promise((resolve) => {
        const message: ClientMessage = { type: 'invoke', id: nextId++, method, input };
        pending.set(message.id, { resolve: resolve as (r: Result<unknown>) => void });
        if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
        else queue.push(message);
      }),
    subscribe: <E extends EventName>(event: E, listener: (payload: EventMap[E]) => void) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const l = listener as (p: unknown) => void;
      set.add(l);
      return () => {
        set.delete(l);
      };
    },
  } as RedlensBridge;
}
