import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { fail, ok, type Result } from '../../shared/api/result';
import { MAX_CLIENT_MESSAGE_BYTES } from '../../shared/api/transport';
import type { Dispatch } from '../core/api/dispatch';
import { EventBus } from '../core/events/eventBus';
import { waitFor } from '../core/localRedis/testSupport';
import {
  call,
  fakeRendererDir,
  frame,
  openClient,
  rawWebSocket,
  versionThroughRealClient,
} from './testSupport/webHostTestKit';
import { startWebHost, type WebHost } from './webHost';

// The bridge's limits, with a dispatch whose answers the test controls (the transport is under
// test here; webHostRobustness.int.test.ts floods the real core).
const gates: Array<() => void> = [];
let answerWith: (method: string) => Promise<Result<unknown>>;
const dispatch: Dispatch = (method) => answerWith(method);
const defaultAnswers = (method: string): Promise<Result<unknown>> => {
  if (method === 'app.version')
    return Promise.resolve(ok({ name: 'Redlens', version: 'test', host: 'web', platform: 'x' }));
  if (method === 'test.slow') return new Promise((resolve) => gates.push(() => resolve(ok('slow done'))));
  return Promise.resolve(fail({ code: 'UNKNOWN_METHOD', message: method }));
};

const events = new EventBus();
const CALLS = 3;
const PUSH_BOUND = 256 * 1024;
let dir: string;
let host: WebHost;
const clients: WebSocket[] = [];
const client = async () => {
  const ws = await openClient(host.port, host.token);
  clients.push(ws);
  return ws;
};

beforeAll(async () => {
  dir = fakeRendererDir();
  host = await startWebHost({
    core: { dispatch, events },
    rendererDir: dir,
    port: 0,
    limits: { maxCallsInFlight: CALLS, maxUnsentPushBytes: PUSH_BOUND },
  });
});
afterEach(async () => {
  answerWith = defaultAnswers;
  gates.splice(0).forEach((open) => open());
  for (const ws of clients.splice(0)) ws.terminate();
  expect(await versionThroughRealClient(host.port, host.token)).toMatchObject({ ok: true });
});
afterAll(async () => {
  await host?.close();
  rmSync(dir, { recursive: true, force: true });
});
answerWith = defaultAnswers;

describe('message size', () => {
  it(`takes a message of several MB, and closes with 1009 one announced past ${MAX_CLIENT_MESSAGE_BYTES} bytes`, async () => {
    const ws = await client();
    const big = await call(ws, 1, 'app.version', { pad: 'x'.repeat(6 * 1024 * 1024) });
    expect(big).toMatchObject({ ok: true });
    const raw = await rawWebSocket(host.port, host.token);
    raw.socket.write(frame(0x1, '{', { announcedLength: MAX_CLIENT_MESSAGE_BYTES + 1 }));
    expect(await raw.closeCode).toBe(1009);
    raw.socket.destroy();
  });
});

describe('calls in flight', () => {
  it('answers TOO_MANY_CALLS past the limit, per socket, and takes calls again once answers are out', async () => {
    const [busy, other] = [await client(), await client()];
    const slow = Array.from({ length: CALLS }, (_, i) => call(busy, i + 1, 'test.slow'));
    await waitFor(async () => gates.length === CALLS, { timeoutMs: 10_000, what: 'the slow calls to arrive' });
    expect(await call(busy, 100, 'app.version')).toMatchObject({
      ok: false,
      error: { code: 'TOO_MANY_CALLS', details: { limit: CALLS } },
    });
    expect(await call(other, 1, 'app.version')).toMatchObject({ ok: true });
    gates.splice(0).forEach((open) => open());
    expect(await Promise.all(slow)).toEqual(Array(CALLS).fill({ ok: true, value: 'slow done' }));
    expect(await call(busy, 101, 'app.version')).toMatchObject({ ok: true });
  });
});

describe('answers that cannot be sent', () => {
  it('a reply too big to serialise becomes VALUE_TOO_LARGE for that call', async () => {
    // What JSON.stringify does past V8's string limit (e.g. 95 MB of NUL bytes as \u0000).
    const huge = {
      toJSON() {
        throw new RangeError('Invalid string length');
      },
    };
    answerWith = (method) => (method === 'test.huge' ? Promise.resolve(ok(huge)) : defaultAnswers(method));
    const ws = await client();
    expect(await call(ws, 1, 'test.huge')).toMatchObject({ ok: false, error: { code: 'VALUE_TOO_LARGE' } });
    expect(await call(ws, 2, 'app.version')).toMatchObject({ ok: true });
  });

  it('a reply that cannot be encoded at all, or a dispatch that rejects, becomes INTERNAL', async () => {
    answerWith = (method) =>
      method === 'test.bigint'
        ? Promise.resolve(ok({ n: 1n }))
        : method === 'test.reject'
          ? Promise.reject(new Error('bug'))
          : defaultAnswers(method);
    const ws = await client();
    expect(await call(ws, 1, 'test.bigint')).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(await call(ws, 2, 'test.reject')).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});

describe('pushed events', () => {
  it('closes a client that stopped reading with 1013, and keeps pushing to one that reads', async () => {
    const [reader, stalled] = [await client(), await client()];
    let received = 0;
    reader.on('message', () => (received += 1));
    stalled.pause();
    const closed = new Promise<number>((resolve) => stalled.once('close', (code) => resolve(code)));
    // 16 MB in 64 KB events, each one read by `reader` before the next: more than the kernel's
    // socket buffers hold for the stalled client, so its backlog passes the bound.
    const payload = { key: 'x', level: 'info', message: 'm'.repeat(64 * 1024) };
    for (let i = 1; i <= 256; i++) {
      events.emit('topology.alert', payload as never);
      await waitFor(async () => received >= i, {
        timeoutMs: 10_000,
        what: `event ${i} at the reading client`,
        intervalMs: 1,
      });
    }
    stalled.resume();
    expect(await closed).toBe(1013);
    expect(await call(reader, 1, 'app.version')).toMatchObject({ ok: true });
  });
});
