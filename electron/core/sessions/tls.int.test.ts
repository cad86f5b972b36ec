import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startStandalone, type StandaloneServer } from '../localRedis/testSupport';
import type { ResolvedProfile } from '../profiles/resolvedProfile';
import { testConnection } from './connectionTest';
import { expectFailure, sessionTestbed, standaloneProfile } from './testSupport/sessionTestbed';

// TLS against real redis-servers with a `tls-port` (certificates in testSupport/tls): one that
// accepts any client, one that requires a client certificate.
const FIXTURES = path.join(import.meta.dirname, 'testSupport', 'tls');
const fixture = (name: string) => path.join(FIXTURES, name);

let open: StandaloneServer;
let mutual: StandaloneServer;
let openTlsPort: number;
let mutualTlsPort: number;
const { manager, profiles } = sessionTestbed();

async function startTlsServer(authClients: 'no' | 'yes'): Promise<{ server: StandaloneServer; tlsPort: number }> {
  const tlsPort = await freePort();
  const server = await startStandalone({
    extraConfig: [
      `tls-port ${tlsPort}`,
      `tls-cert-file "${fixture('server.pem')}"`,
      `tls-key-file "${fixture('server-key.pem')}"`,
      `tls-ca-cert-file "${fixture('ca.pem')}"`,
      `tls-auth-clients ${authClients}`,
    ],
  });
  return { server, tlsPort };
}

const tlsProfile = (port: number, tls: Partial<ResolvedProfile['tls']>, host = '127.0.0.1') =>
  standaloneProfile({ host, port, connectTimeoutMs: 1_000, tls: { enabled: true, ...tls } });

beforeAll(async () => {
  [{ server: open, tlsPort: openTlsPort }, { server: mutual, tlsPort: mutualTlsPort }] = await Promise.all([
    startTlsServer('no'),
    startTlsServer('yes'),
  ]);
  profiles.set('tls', tlsProfile(openTlsPort, { caFile: fixture('ca.pem') }));
});
afterAll(async () => {
  await manager.closeAll();
  await Promise.all([open?.stop(), mutual?.stop()]);
});

describe('TLS', () => {
  it('connects with the CA that signed the server certificate, by IP and by host name', async () => {
    expect(await testConnection(profiles.get('tls')!)).toMatchObject({ tls: true, role: 'master' });
    const byName = tlsProfile(openTlsPort, { caFile: fixture('ca.pem') }, 'localhost');
    expect(await testConnection(byName)).toMatchObject({ tls: true, address: `localhost:${openTlsPort}` });
    const view = await manager.open('tls');
    expect(view).toMatchObject({ state: 'ready', address: `127.0.0.1:${openTlsPort}` });
    expect(await manager.client(view.id).ping()).toBe('PONG');
    await manager.close(view.id);
  });

  it('says TLS_FAILED when the certificate is not trusted or does not match the name', async () => {
    const untrusted = await expectFailure(testConnection(tlsProfile(openTlsPort, {})), 'TLS_FAILED');
    expect(untrusted.message).toMatch(/not trusted.*self-signed certificate/);
    const wrongName = tlsProfile(openTlsPort, { caFile: fixture('ca.pem'), serverName: 'wrong.example' });
    expect((await expectFailure(testConnection(wrongName), 'TLS_FAILED')).message).toMatch(
      /does not match the host name/,
    );
    profiles.set('untrusted', tlsProfile(openTlsPort, {}));
    await expectFailure(manager.open('untrusted'), 'TLS_FAILED');
  });

  it('connects without verification only when it is turned off', async () => {
    expect(await testConnection(tlsProfile(openTlsPort, { verify: false }))).toMatchObject({ tls: true });
  });

  it('says TLS_FAILED, not TIMEOUT, when the port does not speak TLS', async () => {
    const plainPort = tlsProfile(open.port, { caFile: fixture('ca.pem') });
    const failure = await expectFailure(testConnection(plainPort), 'TLS_FAILED');
    expect(failure.message).toContain(`127.0.0.1:${open.port} does not speak TLS`);
    profiles.set('plain-port', plainPort);
    await expectFailure(manager.open('plain-port'), 'TLS_FAILED');
  });

  it('hints at TLS when a plain connection is reset by a TLS port', async () => {
    const failure = await expectFailure(
      testConnection(standaloneProfile({ host: '127.0.0.1', port: openTlsPort })),
      'CONNECTION_LOST',
    );
    expect(failure.message).toContain('turn TLS on');
  });

  it('says which TLS file cannot be read or used', async () => {
    const missing = await expectFailure(
      testConnection(tlsProfile(openTlsPort, { caFile: '/nonexistent/ca.pem' })),
      'TLS_FAILED',
    );
    expect(missing.message).toBe(
      'Cannot use the CA file /nonexistent/ca.pem: it does not exist or Redlens is not allowed to read it.',
    );
    const notPem = await expectFailure(
      testConnection(tlsProfile(openTlsPort, { caFile: fixture('README.md') })),
      'TLS_FAILED',
    );
    expect(notPem.message).toContain('README.md');
  });

  it('presents a client certificate with an encrypted key when the server requires one', async () => {
    const client = { caFile: fixture('ca.pem'), certFile: fixture('client.pem'), keyFile: fixture('client-key.pem') };
    const noCert = await expectFailure(
      testConnection(tlsProfile(mutualTlsPort, { caFile: fixture('ca.pem') })),
      'TLS_FAILED',
    );
    expect(noCert.message).toMatch(/requires a client certificate/);
    const good = tlsProfile(mutualTlsPort, { ...client, keyPassphrase: 'clientpass' });
    expect(await testConnection(good)).toMatchObject({ tls: true });
    const badPass = tlsProfile(mutualTlsPort, { ...client, keyPassphrase: 'nope' });
    expect((await expectFailure(testConnection(badPass), 'TLS_FAILED')).message).toMatch(
      /client-key\.pem.*wrong key passphrase/,
    );
  });
});
