import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { ServerMessage } from '../../shared/api/transport';
import { createCore, type Core } from '../core/createCore';
import { startStandalone, type StandaloneServer } from '../core/localRedis/testSupport';
import { startWebHost, type WebHost } from './webHost';

let dir: string;
let core: Core;
let host: WebHost;
let redis: StandaloneServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'redlens-webhost-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Redlens</title>');
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
  core = createCore({ version: '0.0.0-test', host: 'web', dataDir: dir });
  [host, redis] = await Promise.all([startWebHost({ core, rendererDir: dir, port: 0 }), startStandalone()]);
});
afterAll(async () => {
  await Promise.all([host?.close(), redis?.stop()]);
  rmSync(dir, { recursive: true, force: true });
});

const base = () => `http://127.0.0.1:${host.port}`;

/** Opens a WebSocket and resolves with its handshake outcome. */
function openSocket(path: string, headers: Record<string, string>) {
  return new Promise<{ ws?: WebSocket; status?: number }>((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}${path}`, { headers });
    ws.once('open', () => resolve({ ws }));
    ws.once('unexpected-response', (_req, res) => resolve({ status: res.statusCode }));
    ws.once('error', () => resolve({}));
  });
}

describe('web host HTTP', () => {
  it('prints a URL with a token of ≥128 bits in its fragment, on the real port', () => {
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/#token=[A-Za-z0-9_-]{22,}$`));
  });

  it('serves the UI without the token, with strict headers and no cookie', async () => {
    for (const path of ['/', '/index.html', '/assets/app.js']) {
      const res = await fetch(`${base()}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('set-cookie')).toBeNull();
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    }
    expect(await (await fetch(`${base()}/`)).text()).toContain('<title>Redlens</title>');
    expect((await fetch(`${base()}/assets/app.js`)).headers.get('content-type')).toContain('text/javascript');
    expect((await fetch(`${base()}/nope.js`)).status).toBe(404);
    expect((await fetch(`${base()}/`, { method: 'POST', body: 'x' })).status).toBe(405);
  });

  it('tells a page whether its token is good at GET /api (401, 403, 426)', async () => {
    expect((await fetch(`${base()}/api`)).status).toBe(401);
    expect((await fetch(`${base()}/api`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(403);
    expect((await fetch(`${base()}/api`, { headers: { authorization: `Bearer ${host.token}` } })).status).toBe(426);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      request({ host: '127.0.0.1', port: host.port, path: '/', headers: { host: 'evil.example:80' } }, (res) =>
        resolve(res.statusCode ?? 0),
      ).end();
    });
    expect(status).toBe(403);
  });
});

describe('web host WebSocket', () => {
  const origin = () => `http://127.0.0.1:${host.port}`;

  it('refuses upgrades without token, with a wrong token, or from another origin', async () => {
    expect((await openSocket('/api', { origin: origin() })).status).toBe(401);
    expect((await openSocket('/api?token=wrong', { origin: origin() })).status).toBe(403);
    expect((await openSocket(`/api?token=${host.token}`, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await openSocket(`/api?token=${host.token}`, {})).status).toBe(403);
    expect((await openSocket(`/other?token=${host.token}`, { origin: origin() })).status).toBe(404);
  });

  it('dispatches calls against real Redis and pushes events', async () => {
    const { ws } = await openSocket(`/api?token=${host.token}`, { origin: origin() });
    expect(ws).toBeDefined();
    const messages: ServerMessage[] = [];
    ws!.on('message', (raw) => messages.push(JSON.parse(String(raw)) as ServerMessage));
    const reply = (id: number) =>
      new Promise<ServerMessage>((resolve) => {
        const check = () => {
          const found = messages.find((m) => m.type === 'result' && m.id === id);
          if (found) resolve(found);
          else ws!.once('message', check);
        };
        check();
      });
    ws!.send(
      JSON.stringify({ type: 'invoke', id: 1, method: 'server.info', input: { host: '127.0.0.1', port: redis.port } }),
    );
    ws!.send(JSON.stringify({ type: 'invoke', id: 2, method: 'nope', input: {} }));
    expect(await reply(1)).toMatchObject({ result: { ok: true, value: { mode: 'standalone', role: 'master' } } });
    expect(await reply(2)).toMatchObject({ result: { ok: false, error: { code: 'UNKNOWN_METHOD' } } });
    const states = messages
      .filter((m) => m.type === 'event')
      .map((m) => (m as { payload: { state: string } }).payload.state);
    expect(states).toEqual(['connecting', 'ready', 'closed']);
    ws!.close();
  });

  it('closes the socket on a malformed message', async () => {
    const { ws } = await openSocket(`/api?token=${host.token}`, { origin: origin() });
    const code = await new Promise<number>((resolve) => {
      ws!.once('close', (c) => resolve(c));
      ws!.send('{not json');
    });
    expect(code).toBe(1003);
  });
});

describe('web host bound beyond loopback', () => {
  it('refuses to start on every interface unless told so, and without TLS unless told so again', async () => {
    await expect(startWebHost({ core, rendererDir: dir, host: '0.0.0.0', port: 0 })).rejects.toThrow(/--allow-remote/);
    await expect(startWebHost({ core, rendererDir: dir, host: '0.0.0.0', port: 0, allowRemote: true })).rejects.toThrow(
      /plain HTTP/,
    );
  });

  it('keeps the Host and Origin checks: a rebound name is refused, whatever its own Origin says', async () => {
    const remote = await startWebHost({
      core,
      rendererDir: dir,
      host: '0.0.0.0',
      port: 0,
      allowRemote: true,
      insecureHttp: true,
      allowedHosts: ['redlens.test'],
    });
    try {
      const { request } = await import('node:http');
      const upgrade = (hostHeader: string, origin: string) =>
        new Promise<number>((resolve) => {
          const req = request({
            host: '127.0.0.1',
            port: remote.port,
            path: `/api?token=${remote.token}`,
            headers: {
              host: hostHeader,
              origin,
              connection: 'Upgrade',
              upgrade: 'websocket',
              'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
              'sec-websocket-version': '13',
            },
          });
          req.on('upgrade', (res, socket) => {
            socket.destroy();
            resolve(res.statusCode ?? 0);
          });
          req.on('response', (res) => resolve(res.statusCode ?? 0));
          req.end();
        });
      const p = remote.port;
      expect(await upgrade(`evil.example:${p}`, `http://evil.example:${p}`)).toBe(403);
      expect(await upgrade(`127.0.0.1:${p}`, `http://evil.example:${p}`)).toBe(403);
      expect(await upgrade(`redlens.test:${p}`, `http://redlens.test:${p}`)).toBe(101);
      expect(await upgrade(`127.0.0.1:${p}`, `http://127.0.0.1:${p}`)).toBe(101);
      expect(remote.url).toBe(`http://redlens.test:${p}/#token=${remote.token}`);
    } finally {
      await remote.close();
    }
  });
});
