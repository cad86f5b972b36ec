import type { ApiError } from '../../../shared/api/errors';
import type { EventMap, EventName } from '../../../shared/api/events';
import { decodeBinaryFrame, encodeFrame, type Frame } from '../../../shared/api/binaryFrames';
import type { MethodName } from '../../../shared/api/methods';
import { fail, type Result } from '../../../shared/api/result';
import {
  MAX_CALLS_IN_FLIGHT,
  MAX_CLIENT_MESSAGE_BYTES,
  type ClientMessage,
  type RedlensBridge,
  type ServerMessage,
} from '../../../shared/api/transport';
import type { LinkStatus } from './linkStatus';
import { oversizeBytes } from './messageSize';

const API_PATH = '/api';
const MAX_BACKOFF_MS = 5_000;

/** What the transport needs from the browser (a seam for tests). */
export interface WsEnvironment {
  WebSocket: { new (url: string): WebSocket; readonly OPEN: number };
  /** Asks the host about the token after a failed handshake: the HTTP status of GET /api. */
  probeToken(url: string, token: string): Promise<number | undefined>;
  setTimeout(run: () => void, ms: number): unknown;
}

export const browserEnvironment = (): WsEnvironment => ({
  WebSocket,
  probeToken: (url, token) =>
    fetch(url, { headers: { authorization: `Bearer ${token}` }, cache: 'no-store' }).then(
      (r) => r.status,
      () => undefined,
    ),
  setTimeout: (run, ms) => setTimeout(run, ms),
});

interface Call {
  frame: Frame;
  sent: boolean;
  resolve: (r: Result<unknown>) => void;
}

const LINK_LOST: ApiError = {
  code: 'HOST_UNAVAILABLE',
  message: 'Lost the link to the Redlens host before the answer came. Check the result before retrying.',
};
const NO_ACCESS: ApiError = {
  code: 'HOST_UNAVAILABLE',
  message: 'The Redlens host did not accept this page: open the address it printed (with its token).',
};

/**
 * The bridge over the web host's WebSocket. Calls wait while the socket is (re)connecting and
 * while MAX_CALLS_IN_FLIGHT are out (so the host never has to refuse one); calls in flight when
 * it drops fail with HOST_UNAVAILABLE (never silently retried — a write must not be applied
 * twice); a call too big for the host fails with VALUE_TOO_LARGE without being sent. Reconnects
 * with back-off, unless the host refuses the token: then it stops and says so.
 */
export function createWsTransport(
  endpoint: { protocol: string; host: string },
  token: string | undefined,
  onStatus: (status: LinkStatus) => void,
  env: WsEnvironment = browserEnvironment(),
): RedlensBridge {
  const secure = endpoint.protocol === 'https:';
  const socketUrl = `${secure ? 'wss' : 'ws'}://${endpoint.host}${API_PATH}?token=${encodeURIComponent(token ?? '')}`;
  const probeUrl = `${secure ? 'https' : 'http'}://${endpoint.host}${API_PATH}`;
  const calls = new Map<number, Call>();
  const listeners = new Map<EventName, Set<(p: unknown) => void>>();
  let nextId = 1;
  let inFlight = 0;
  let attempt = 0;
  let refused = !token;
  let socket: WebSocket | undefined;

  const status = (state: LinkStatus['state']) => onStatus({ kind: 'websocket', state, attempt });

  /** Sends waiting calls, oldest first, while there is room. */
  const pump = () => {
    for (const [, call] of calls) {
      if (!socket || socket.readyState !== env.WebSocket.OPEN || inFlight >= MAX_CALLS_IN_FLIGHT) return;
      if (call.sent) continue;
      socket.send(call.frame);
      call.sent = true;
      inFlight += 1;
    }
  };

  const settle = (id: number, result: Result<unknown>) => {
    const call = calls.get(id);
    if (!call) return;
    calls.delete(id);
    if (call.sent) inFlight -= 1;
    call.resolve(result);
  };

  const stop = (reason: 'missing' | 'refused') => {
    refused = true;
    for (const id of [...calls.keys()]) settle(id, fail(NO_ACCESS));
    onStatus({ kind: 'websocket', state: 'unauthorized', attempt, token: reason });
  };

  const onMessage = (data: unknown) => {
    let message: ServerMessage | undefined;
    if (data instanceof ArrayBuffer) {
      // An answer carrying bytes (a big value's chunk): see binaryFrames.
      message = decodeBinaryFrame(new Uint8Array(data)) as ServerMessage | undefined;
    } else {
      try {
        message = JSON.parse(String(data)) as ServerMessage;
      } catch {
        return;
      }
    }
    if (!message) return;
    if (message.type === 'result') {
      settle(message.id, message.result);
      pump();
    } else {
      for (const l of listeners.get(message.event) ?? []) l(message.payload);
    }
  };

  const connect = () => {
    status(attempt === 0 ? 'connecting' : 'reconnecting');
    const current = new env.WebSocket(socketUrl);
    current.binaryType = 'arraybuffer';
    socket = current;
    let opened = false;
    current.onopen = () => {
      opened = true;
      attempt = 0;
      status('open');
      pump();
    };
    current.onmessage = (e) => onMessage(e.data);
    current.onclose = () => {
      for (const [id, call] of calls) if (call.sent) settle(id, fail(LINK_LOST));
      inFlight = 0;
      socket = undefined;
      attempt += 1;
      status('reconnecting');
      const retry = () => env.setTimeout(connect, Math.min(MAX_BACKOFF_MS, 250 * 2 ** Math.min(attempt, 5)));
      if (opened) return void retry();
      // The handshake failed: a browser cannot see why, so ask whether it was the token.
      void env.probeToken(probeUrl, token ?? '').then((code) => {
        if (code === 401 || code === 403) stop('refused');
        else retry();
      });
    };
  };
  if (token) connect();
  else stop('missing');

  return {
    invoke: <M extends MethodName>(method: M, input: unknown) =>
      new Promise((resolve) => {
        if (refused) return resolve(fail(NO_ACCESS));
        const message: ClientMessage = { type: 'invoke', id: nextId++, method, input };
        let frame: Frame;
        try {
          frame = encodeFrame(message);
        } catch (e) {
          return resolve(
            e instanceof RangeError
              ? fail({ code: 'VALUE_TOO_LARGE', message: 'This request is too large to send.' })
              : fail({ code: 'VALIDATION_FAILED', message: 'This request cannot be encoded.' }),
          );
        }
        const bytes = oversizeBytes(frame);
        if (bytes !== undefined) {
          return resolve(
            fail({
              code: 'VALUE_TOO_LARGE',
              message: `This request is too large to send to the Redlens host (over ${MAX_CLIENT_MESSAGE_BYTES / 1024 / 1024} MB).`,
              details: { bytes, limit: MAX_CLIENT_MESSAGE_BYTES },
            }),
          );
        }
        calls.set(message.id, { frame, sent: false, resolve: resolve as (r: Result<unknown>) => void });
        pump();
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
