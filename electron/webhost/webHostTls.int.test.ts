import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../core/createCore';
import { fakeRendererDir, openClient, rawExchange, versionThroughRealClient } from './testSupport/webHostTestKit';
import { readPemFile } from './tlsFiles';
import { startWebHost, type WebHost } from './webHost';

// --tls-cert/--tls-key: https and wss with a certificate made for the test by openssl.
let dir: string;
let core: Core;
let host: WebHost;
let cert: Buffer;

beforeAll(async () => {
  dir = fakeRendererDir('redlens-webhost-tls-');
  const tlsDir = join(dir, 'tls');
  mkdirSync(tlsDir);
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
      '-keyout',
      join(tlsDir, 'key.pem'),
      '-out',
      join(tlsDir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  cert = await readPemFile(join(tlsDir, 'cert.pem'), 'TLS certificate');
  const key = await readPemFile(join(tlsDir, 'key.pem'), 'TLS key');
  core = createCore({ version: '0.0.0-test', host: 'web', dataDir: dir });
  // Every interface, as a remote user would run it: TLS makes --insecure-http unnecessary.
  host = await startWebHost({
    core,
    rendererDir: dir,
    host: '0.0.0.0',
    port: 0,
    allowRemote: true,
    tls: { cert, key },
  });
});
afterAll(async () => {
  await host?.close();
  await core?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const httpsGet = (path: string) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    request({ host: '127.0.0.1', port: host.port, path, ca: cert }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += String(d)));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });

describe('web host over TLS', () => {
  it('prints an https URL and serves the page over https', async () => {
    expect(host.url).toMatch(new RegExp(`^https://127\\.0\\.0\\.1:${host.port}/#token=`));
    const page = await httpsGet('/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Redlens</title>');
  });

  it('answers over wss, and only to an https Origin', async () => {
    expect(await versionThroughRealClient(host.port, host.token, { ca: cert })).toMatchObject({ ok: true });
    await expect(
      openClient(host.port, host.token, { ca: cert, origin: `http://127.0.0.1:${host.port}` }),
    ).rejects.toThrow(/403/);
  });

  it('drops plain HTTP and garbage on the TLS port, and keeps serving', async () => {
    const plain = await rawExchange(host.port, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n\r\n`);
    expect(plain.status).toBeUndefined();
    await rawExchange(host.port, Buffer.from([0x16, 0x03, 0x01, 0xff, 0xff, 0, 0, 0]));
    expect(await versionThroughRealClient(host.port, host.token, { ca: cert })).toMatchObject({ ok: true });
  });
});

describe('readPemFile', () => {
  it('reads PEM files only: not a directory, a device, a huge file or something else', async () => {
    await expect(readPemFile(dir, 'TLS key')).rejects.toThrow(/not a regular file/);
    await expect(readPemFile('/dev/zero', 'TLS key')).rejects.toThrow(/not a regular file/);
    await expect(readPemFile(join(dir, 'missing.pem'), 'TLS key')).rejects.toThrow(/Cannot read the TLS key .*ENOENT/);
    writeFileSync(join(dir, 'big.pem'), Buffer.alloc(2 * 1024 * 1024));
    await expect(readPemFile(join(dir, 'big.pem'), 'TLS key')).rejects.toThrow(/too big/);
    await expect(readPemFile(join(dir, 'index.html'), 'TLS key')).rejects.toThrow(/not in PEM format/);
    expect(readFileSync(join(dir, 'tls', 'cert.pem'), 'latin1')).toContain('BEGIN CERTIFICATE');
  });
});
