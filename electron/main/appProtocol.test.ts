import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../core/security/contentSecurityPolicy';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './appProtocol';

// The handler Electron's protocol.handle('app', …) calls, fed with real files and real Requests.
const base = mkdtempSync(join(tmpdir(), 'redlens-app-protocol-'));
const root = join(base, 'renderer');
mkdirSync(join(root, 'assets', 'dir.js'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html><title>Redlens</title>');
writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
writeFileSync(join(base, 'secret.json'), '{"password":"hunter2"}');
afterAll(() => rmSync(base, { recursive: true, force: true }));

const handle = createAppProtocolHandler({ root, contentSecurityPolicy: CONTENT_SECURITY_POLICY, readFile });
const get = (url: string, method = 'GET') => handle(new Request(url, { method }));

describe('app:// protocol handler', () => {
  it('serves the renderer with its type, the CSP and nosniff', async () => {
    const res = await get('app://redlens/');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>Redlens</title>');
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const js = await get('app://redlens/assets/app.js');
    expect([js.status, js.headers.get('content-type'), await js.text()]).toEqual([
      200,
      'text/javascript; charset=utf-8',
      'console.log(1)',
    ]);
    const head = await get('app://redlens/assets/app.js', 'HEAD');
    expect([head.status, await head.text()]).toEqual([200, '']);
  });

  it('never reads outside the renderer folder', async () => {
    for (const url of ['app://redlens/..%2fsecret.json', 'app://redlens/assets/..%2F..%2Fsecret.json']) {
      const res = await get(url);
      expect(res.status, url).toBe(400);
      expect(await res.text()).toBe('');
    }
    const res = await get('app://redlens/../secret.json');
    expect(res.status).toBe(404);
  });

  it('answers 404 for missing files and folders, 405 for writes', async () => {
    expect((await get('app://redlens/missing.js')).status).toBe(404);
    expect((await get('app://redlens/assets/dir.js')).status).toBe(404);
    expect((await get('app://redlens/index.html', 'POST')).status).toBe(405);
  });

  it('registers app: as a standard, secure scheme (an https-like origin for CSP and fetch)', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    });
  });
});
