import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { ServerMessage } from '../../shared/api/transport';
import { createCore, type Core } from '../core/createCore';
import { startStandalone, type StandaloneServer } from '../core/harness';
import { cookieName } from './requestAuth';
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
  it('prints a URL with a token of ≥128 bits on the real port', () => {
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/\\?token=[A-Za-z0-9_-]{22,}$`));
  });

  it('refuses requests without the token (401) or with a wrong one (403)', async () => {
    for (const path of ['/', '/index.html', '/assets/app.js']) {
      expect((await fetch(`${base()}${path}`)).status).toBe(401);
      expect((await fetch(`${base()}${path}?token=wrong`)).status).toBe(403);
    }
    expect((await fetch(`${base()}/`, { headers: { cookie: `${cookieName(host.port)}=wrong` } })).status).toBe(403);
  });

  it('serves the UI with the token, sets the cookie, and sends strict headers', async () => {
    const res = await fetch(`${base()}/?token=${host.token}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>Redlens</title>');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toContain(`${cookieName(host.port)}=${host.token}`);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const asset = await fetch(`${base()}/assets/app.js`, {
      headers: { cookie: `${cookieName(host.port)}=${host.token}` },
    });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toContain('text/javascript');
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      request(
        { host: '127.0.0.1', port: host.port, path: `/?token=${host.token}`, headers: { host: 'evil.example:80' } },
        (res) => resolve(res.statusCode ?? 0),
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
