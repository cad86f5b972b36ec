import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CALLS_IN_FLIGHT, MAX_CLIENT_MESSAGE_BYTES } from '../../shared/api/transport';
import { createCore, type Core } from '../core/createCore';
import { startStandalone, type StandaloneServer } from '../core/localRedis/testSupport';
import {
  call,
  fakeRendererDir,
  frame,
  invokeFrame,
  openClient,
  rawConnect,
  rawExchange,
  rawWebSocket,
  upgradeRequest,
  versionThroughRealClient,
} from './testSupport/webHostTestKit';
import { startWebHost, type WebHost } from './webHost';

// Hostile bytes at the web host, from raw TCP sockets: each must get a 4xx or a closed socket,
// and after each one a real client (with the token) must still get its answer.
let dir: string;
let core: Core;
let host: WebHost;
let redis: StandaloneServer;

beforeAll(async () => {
  dir = fakeRendererDir();
  core = createCore({ version: '0.0.0-test', host: 'web', dataDir: dir });
  [host, redis] = await Promise.all([startWebHost({ core, rendererDir: dir, port: 0 }), startStandalone()]);
});
afterAll(async () => {
  if (redis?.node.paused) await redis.node.resume();
  await Promise.all([host?.close(), redis?.stop()]);
  await core?.dispose();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(async () => {
  expect(await versionThroughRealClient(host.port, host.token)).toMatchObject({
    ok: true,
    value: { name: 'Redlens', version: '0.0.0-test', host: 'web' },
  });
});

const http = (lines: string[]) => [...lines, '', ''].join('\r\n');
const get = (target: string, extra: string[] = []) =>
  http([`GET ${target} HTTP/1.1`, `Host: 127.0.0.1:${host.port}`, 'Connection: close', ...extra]);

/** The host answered with a 4xx, or closed the socket without answering. */
const refusedOrClosed = (status: number | undefined) => status === undefined || (status >= 400 && status < 500);

describe('malformed HTTP', () => {
  it.each([
    ['garbage', 'GARBAGE\r\n\r\n'],
    ['a bare method', 'GET\r\n\r\n'],
    ['an unknown HTTP version', 'GET / HTTP/9.9\r\n\r\n'],
    ['binary junk', Buffer.from([0, 1, 2, 0xff, 0xfe, 13, 10, 13, 10])],
    ['a 100 KB request line', `GET /${'a'.repeat(100_000)} HTTP/1.1\r\nHost: x\r\n\r\n`],
    ['a header without a colon', http(['GET / HTTP/1.1', 'Host: 127.0.0.1', 'no colon here'])],
    ['a header with a NUL', http(['GET / HTTP/1.1', 'Host: 127.0.0.1', 'X-A: a\0b'])],
    ['a 64 KB header', http(['GET / HTTP/1.1', 'Host: 127.0.0.1', `X-Big: ${'b'.repeat(65_536)}`])],
    [
      '2,000 headers',
      http(['GET / HTTP/1.1', 'Host: 127.0.0.1', ...Array.from({ length: 2000 }, (_, i) => `X-${i}: y`)]),
    ],
    ['no Host header', http(['GET / HTTP/1.1', 'Connection: close'])],
    ['two Host headers', http(['GET / HTTP/1.1', 'Host: 127.0.0.1', 'Host: evil.example', 'Connection: close'])],
    ['a bad Content-Length', http(['POST / HTTP/1.1', 'Host: 127.0.0.1', 'Content-Length: -1'])],
    [
      'chunked and Content-Length',
      http(['POST / HTTP/1.1', 'Host: 127.0.0.1', 'Transfer-Encoding: chunked', 'Content-Length: 3']),
    ],
  ])('%s: 4xx or closed', async (_name, bytes) => {
    const { status } = await rawExchange(host.port, bytes);
    expect(refusedOrClosed(status)).toBe(true);
  });

  it.each(['//', '//evil.example/x', 'http://evil.example/', '*', '/%E0%A4%A', '/..%2f..%2fetc%2fpasswd', '/\\..\\x'])(
    'request target %s: 4xx',
    async (target) => {
      const { status } = await rawExchange(host.port, get(target));
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(500);
    },
  );

  it('a request that never finishes its headers is dropped without hurting others', async () => {
    const socket = await rawConnect(host.port);
    socket.on('error', () => undefined);
    socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nX-Slow: `);
    // afterEach checks the host still serves while this one dangles.
    socket.destroy();
  });

  it('a malformed token cookie is ignored', async () => {
    const cookie = `Cookie: redlens_token_${host.port}=%E0%A4%A; other=%`;
    const page = await rawExchange(host.port, get('/', [cookie]));
    expect(page.status).toBeLessThan(500);
    const upgrade = await rawExchange(
      host.port,
      upgradeRequest(host.port, '/api', [cookie, `Origin: http://127.0.0.1:${host.port}`]),
    );
    expect(upgrade.status).toBe(401);
  });
});

describe('hostile upgrades', () => {
  const origin = () => `Origin: http://127.0.0.1:${host.port}`;
  it.each([
    ['target //', () => upgradeRequest(host.port, '//', [origin()]), 400],
    ['target //api', () => upgradeRequest(host.port, '//api', [origin()]), 400],
    ['no token', () => upgradeRequest(host.port, '/api', [origin()]), 401],
    ['a wrong token', () => upgradeRequest(host.port, '/api?token=wrong', [origin()]), 403],
    ['a wrong bearer', () => upgradeRequest(host.port, '/api', [origin(), 'Authorization: Bearer nope']), 403],
    [
      'a foreign Origin',
      () => upgradeRequest(host.port, `/api?token=${host.token}`, ['Origin: https://evil.example']),
      403,
    ],
    ['no Origin', () => upgradeRequest(host.port, `/api?token=${host.token}`), 403],
    ['Origin "null"', () => upgradeRequest(host.port, `/api?token=${host.token}`, ['Origin: null']), 403],
    [
      'a foreign Host',
      () =>
        upgradeRequest(host.port, `/api?token=${host.token}`, [origin()]).replace(
          `Host: 127.0.0.1:${host.port}`,
          'Host: evil.example',
        ),
      403,
    ],
    [
      'a bad WebSocket version',
      () => upgradeRequest(host.port, `/api?token=${host.token}`, [origin()]).replace('Version: 13', 'Version: 99'),
      400,
    ],
    [
      'no key',
      () => upgradeRequest(host.port, `/api?token=${host.token}`, [origin()]).replace(/Sec-WebSocket-Key: .*\r\n/, ''),
      400,
    ],
  ])('%s: refused with the right status', async (_name, request, status) => {
    expect((await rawExchange(host.port, request())).status).toBe(status);
  });

  it('a client that resets its refused upgrade does not take the host down', async () => {
    for (let i = 0; i < 10; i++) {
      const socket = await rawConnect(host.port);
      socket.on('error', () => undefined);
      // Reset once the refusal has arrived (the host's side is then half-closed, still reading).
      const answered = new Promise((resolve) => socket.once('data', resolve));
      socket.write(upgradeRequest(host.port, '/api', [origin()]));
      await answered;
      socket.resetAndDestroy();
    }
  });
});

/** A binary frame (see binaryFrames) calling values.string.upload with `value` as given. */
function binaryCall(value: string, extraBytes: number): Buffer {
  const json = `{"type":"invoke","id":1,"method":"values.string.upload","input":{"value":${value || 'null'}}}`;
  const head = Buffer.alloc(4);
  head.writeUInt32BE(value ? Buffer.byteLength(json) : 99);
  return Buffer.concat([head, Buffer.from(json), Buffer.alloc(extraBytes)]);
}

describe('hostile frames', () => {
  it.each([
    ['an unmasked frame', () => frame(0x1, '{}', { mask: false }), 1002],
    ['invalid UTF-8', () => frame(0x1, Buffer.from([0x7b, 0xc3, 0x28, 0x7d])), 1007],
    ['a message over the size limit', () => frame(0x1, 'x', { announcedLength: MAX_CLIENT_MESSAGE_BYTES + 1 }), 1009],
    ['a frame with RSV1 set', () => frame(0x1, '{}', { rsv: 0b100 }), 1002],
    ['a frame with RSV3 set', () => frame(0x1, '{}', { rsv: 0b001 }), 1002],
    ['a reserved opcode', () => frame(0x3, 'x'), 1002],
    ['a continuation with nothing to continue', () => frame(0x0, 'x'), 1002],
    [
      'a new message inside a fragmented one',
      () => Buffer.concat([frame(0x1, '{"ty', { fin: false }), frame(0x1, 'x')]),
      1002,
    ],
    ['a fragmented ping', () => frame(0x9, 'x', { fin: false }), 1002],
    ['a 200-byte ping', () => frame(0x9, 'p'.repeat(200)), 1002],
    ['a close frame with code 999', () => frame(0x8, Buffer.from([0x03, 0xe7])), 1002],
    ['a 1-byte close frame', () => frame(0x8, Buffer.from([0x03])), 1002],
    ['a binary message too short for its header', () => frame(0x2, Buffer.from([1, 2, 3])), 1003],
    ['a binary message of junk', () => frame(0x2, Buffer.from([0, 0, 0, 2, 0xff, 0xfe, 1])), 1003],
    ['a binary call whose bytes run past the frame', () => frame(0x2, binaryCall('{"$bytes":[0,9]}', 4)), 1003],
    ['a binary call with a negative byte count', () => frame(0x2, binaryCall('{"$bytes":[0,-1]}', 4)), 1003],
    ['a binary message that is not a call', () => frame(0x2, binaryCall('', 0).subarray(0, 6)), 1003],
    ['malformed JSON', () => frame(0x1, '{not json'), 1003],
    ['JSON that is not a call', () => frame(0x1, '[1,2,3]'), 1003],
    [
      'fragments that reassemble into invalid UTF-8',
      () =>
        Buffer.concat([frame(0x1, Buffer.from([0x22, 0xe2]), { fin: false }), frame(0x0, Buffer.from([0x28, 0xa1]))]),
      1007,
    ],
  ])('%s: closes that socket with the right code', async (_name, bytes, code) => {
    const raw = await rawWebSocket(host.port, host.token);
    raw.socket.write(bytes());
    expect(await raw.closeCode).toBe(code);
    raw.socket.destroy();
  });

  it('a socket that dies mid-frame is forgotten', async () => {
    const raw = await rawWebSocket(host.port, host.token);
    raw.socket.write(invokeFrame(1, 'app.version').subarray(0, 5));
    raw.socket.resetAndDestroy();
  });

  it('answers good calls and closes on the first bad frame in the same burst', async () => {
    const raw = await rawWebSocket(host.port, host.token);
    raw.socket.write(Buffer.concat([invokeFrame(1, 'app.version'), frame(0x1, '{}', { mask: false })]));
    expect(await raw.closeCode).toBe(1002);
    raw.socket.destroy();
  });
});

describe('a flood of calls', () => {
  it(`answers TOO_MANY_CALLS beyond ${MAX_CALLS_IN_FLIGHT} in flight, then serves that socket again`, async () => {
    // Calls to a paused (SIGSTOPped) real Redis stay in flight until it resumes.
    await redis.node.pause();
    const flooder = await openClient(host.port, host.token);
    flooder.setMaxListeners(0);
    const target = { host: '127.0.0.1', port: redis.port, connectTimeoutMs: 60_000 };
    const extra = 10;
    const pings = Array.from({ length: MAX_CALLS_IN_FLIGHT + extra }, (_, i) =>
      call(flooder, i + 1, 'server.ping', target),
    );
    const refusedNow = await call(flooder, 10_000, 'app.version');
    expect(refusedNow).toMatchObject({ ok: false, error: { code: 'TOO_MANY_CALLS' } });
    // Another client is not affected.
    expect(await versionThroughRealClient(host.port, host.token)).toMatchObject({ ok: true });

    await redis.node.resume();
    const results = await Promise.all(pings);
    const refused = results.filter((r) => !r.ok && r.error.code === 'TOO_MANY_CALLS');
    expect(refused).toHaveLength(extra);
    expect(results.slice(0, MAX_CALLS_IN_FLIGHT).every((r) => r.ok)).toBe(true);
    expect(await call(flooder, 10_001, 'app.version')).toMatchObject({ ok: true });
    flooder.close();
  });
});
