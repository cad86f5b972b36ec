import { describe, expect, it } from 'vitest';
import { decodeBinaryFrame, encodeFrame } from '../../../shared/api/binaryFrames';
import { MAX_CALLS_IN_FLIGHT, MAX_CLIENT_MESSAGE_BYTES, type ClientMessage } from '../../../shared/api/transport';
import type { LinkStatus } from './linkStatus';
import { oversizeBytes } from './messageSize';
import { createWsTransport, type WsEnvironment } from './wsTransport';

/** A stand-in for the browser's WebSocket and fetch: the test plays the host. */
function fakeBrowser(probeStatus?: number) {
  const sockets: FakeSocket[] = [];
  const timers: Array<() => void> = [];
  const probes: string[] = [];
  class FakeSocket {
    static readonly OPEN = 1;
    readyState = 0;
    sent: ClientMessage[] = [];
    /** Frames sent as bytes (binary), as they went. */
    frames: Uint8Array[] = [];
    binaryType = 'blob';
    onopen: (() => void) | null = null;
    onmessage: ((e: { data: string | ArrayBuffer }) => void) | null = null;
    onclose: (() => void) | null = null;
    constructor(readonly url: string) {
      sockets.push(this);
    }
    send(data: string | Uint8Array) {
      if (typeof data !== 'string') this.frames.push(data);
      const message = typeof data === 'string' ? JSON.parse(data) : decodeBinaryFrame(data);
      this.sent.push(message as ClientMessage);
    }
    open() {
      this.readyState = 1;
      this.onopen?.();
    }
    answer(id: number, value: unknown = 'ok') {
      const frame = encodeFrame({ type: 'result', id, result: { ok: true, value } });
      // A binary frame arrives as an ArrayBuffer (binaryType 'arraybuffer'), as in a browser.
      const data = typeof frame === 'string' ? frame : frame.slice().buffer;
      this.onmessage?.({ data });
    }
    drop() {
      this.readyState = 3;
      this.onclose?.();
    }
  }
  const env: WsEnvironment = {
    WebSocket: FakeSocket as unknown as WsEnvironment['WebSocket'],
    probeToken: (url, token) => {
      probes.push(`${url} ${token}`);
      return Promise.resolve(probeStatus);
    },
    setTimeout: (run) => timers.push(run),
  };
  return { env, sockets, timers, probes };
}

const endpoint = { protocol: 'http:', host: '127.0.0.1:5757' };
const TOKEN = 'Fw8_PIPqv3-0123456789abcdefghijklmnopqrstu';

function transport(browser: ReturnType<typeof fakeBrowser>, token: string | undefined) {
  const statuses: LinkStatus[] = [];
  const bridge = createWsTransport(endpoint, token, (s) => statuses.push(s), browser.env);
  const call = (i = 0) => bridge.invoke('app.version', { i } as never);
  return { bridge, statuses, call };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('wsTransport', () => {
  it('sends the token only on the socket URL', () => {
    const browser = fakeBrowser();
    transport(browser, TOKEN);
    expect(browser.sockets[0]!.url).toBe(`ws://127.0.0.1:5757/api?token=${TOKEN}`);
  });

  it('without a token, says so and opens nothing', async () => {
    const browser = fakeBrowser();
    const { statuses, call } = transport(browser, undefined);
    expect(browser.sockets).toHaveLength(0);
    expect(statuses.at(-1)).toMatchObject({ state: 'unauthorized', token: 'missing' });
    expect(await call()).toMatchObject({ ok: false, error: { code: 'HOST_UNAVAILABLE' } });
  });

  it(`keeps at most ${MAX_CALLS_IN_FLIGHT} calls in flight and sends the rest as answers come`, async () => {
    const browser = fakeBrowser();
    const { call } = transport(browser, TOKEN);
    const socket = browser.sockets[0]!;
    socket.open();
    const results = Array.from({ length: MAX_CALLS_IN_FLIGHT + 5 }, (_, i) => call(i));
    expect(socket.sent).toHaveLength(MAX_CALLS_IN_FLIGHT);
    socket.answer(1);
    socket.answer(2);
    expect(socket.sent).toHaveLength(MAX_CALLS_IN_FLIGHT + 2);
    expect(socket.sent.map((m) => m.id)).toEqual(Array.from({ length: MAX_CALLS_IN_FLIGHT + 2 }, (_, i) => i + 1));
    expect(await results[0]).toEqual({ ok: true, value: 'ok' });
  });

  it('fails the calls in flight when the link drops, and sends the waiting ones after reconnecting', async () => {
    const browser = fakeBrowser();
    const { call } = transport(browser, TOKEN);
    const first = browser.sockets[0]!;
    first.open();
    const results = Array.from({ length: MAX_CALLS_IN_FLIGHT + 1 }, (_, i) => call(i));
    first.drop();
    expect(await results[0]).toMatchObject({ ok: false, error: { code: 'HOST_UNAVAILABLE' } });
    browser.timers.shift()!();
    const second = browser.sockets[1]!;
    second.open();
    expect(second.sent.map((m) => m.id)).toEqual([MAX_CALLS_IN_FLIGHT + 1]);
  });

  it('refuses to send a call too big for the host', async () => {
    const browser = fakeBrowser();
    const { bridge } = transport(browser, TOKEN);
    browser.sockets[0]!.open();
    const huge = 'x'.repeat(MAX_CLIENT_MESSAGE_BYTES);
    const result = await bridge.invoke('profiles.import', { json: huge });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALUE_TOO_LARGE', details: { limit: MAX_CLIENT_MESSAGE_BYTES } },
    });
    expect(browser.sockets[0]!.sent).toHaveLength(0);
  });

  it('sends a call with bytes as one binary frame, and takes an answer with bytes from one', async () => {
    const browser = fakeBrowser();
    const { bridge } = transport(browser, TOKEN);
    const socket = browser.sockets[0]!;
    socket.open();
    expect(socket.binaryType).toBe('arraybuffer');
    const chunk = new Uint8Array([0, 0xff, 0x0a, 0xc3]);
    const input = { sessionId: 's', db: 0, key: 'k', uploadId: 'a'.repeat(32), offset: 0, value: chunk };
    const staged = bridge.invoke('values.string.upload', input);
    expect(socket.frames).toHaveLength(1);
    expect(socket.frames[0]!.length).toBeLessThan(200);
    expect(socket.sent[0]).toMatchObject({ method: 'values.string.upload', input: { ...input, value: chunk } });
    socket.answer(1, { staged: 4 });
    expect(await staged).toEqual({ ok: true, value: { staged: 4 } });

    const read = bridge.invoke('values.string.chunk', { sessionId: 's', db: 0, key: 'k', offset: 0, length: 4 });
    socket.answer(2, { value: chunk, bytes: 4, size: 4 });
    const answered = await read;
    expect(answered.ok && [...answered.value.value]).toEqual([...chunk]);
  });

  it('stops and says the token was refused when the handshake fails and the host answers 403', async () => {
    const browser = fakeBrowser(403);
    const { statuses, call } = transport(browser, TOKEN);
    const pending = call();
    browser.sockets[0]!.drop();
    await flush();
    expect(browser.probes).toEqual([`http://127.0.0.1:5757/api ${TOKEN}`]);
    expect(statuses.at(-1)).toMatchObject({ state: 'unauthorized', token: 'refused' });
    expect(browser.timers).toHaveLength(0);
    expect(await pending).toMatchObject({ ok: false, error: { code: 'HOST_UNAVAILABLE' } });
  });

  it('keeps reconnecting when the host is just not there', async () => {
    const browser = fakeBrowser(undefined);
    const { statuses } = transport(browser, TOKEN);
    browser.sockets[0]!.drop();
    await flush();
    expect(statuses.at(-1)).toMatchObject({ state: 'reconnecting', attempt: 1 });
    expect(browser.timers).toHaveLength(1);
  });
});

describe('oversizeBytes', () => {
  it('counts a binary frame by its length', () => {
    expect(oversizeBytes(new Uint8Array(9), 9)).toBeUndefined();
    expect(oversizeBytes(new Uint8Array(10), 9)).toBe(10);
  });

  it('counts UTF-8 bytes only near the limit', () => {
    expect(oversizeBytes('abc', 9)).toBeUndefined();
    expect(oversizeBytes('€€€', 9)).toBeUndefined();
    expect(oversizeBytes('€€€€', 9)).toBe(12);
    expect(oversizeBytes('abcdefghij', 9)).toBe(10);
  });
});
