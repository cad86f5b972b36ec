import { describe, expect, it } from 'vitest';
import { bindRefusal, remoteWarning } from './bindPolicy';
import { DEFAULT_PORT, parseServeArgs } from './serveArgs';

const loopbackDefaults = {
  host: '127.0.0.1',
  port: DEFAULT_PORT,
  allowRemote: false,
  insecureHttp: false,
  allowedHosts: [],
};

describe('parseServeArgs', () => {
  it('defaults to loopback', () => {
    expect(parseServeArgs([])).toEqual(loopbackDefaults);
  });
  it('takes --host and --port (0 = any free port)', () => {
    expect(parseServeArgs(['--host', 'localhost', '--port', '0'])).toEqual({
      ...loopbackDefaults,
      host: 'localhost',
      port: 0,
    });
    expect(parseServeArgs(['--port=8080'])).toEqual({ ...loopbackDefaults, port: 8080 });
  });
  it('refuses bad ports and unknown flags with the usage', () => {
    expect(() => parseServeArgs(['--port', '70000'])).toThrow(/Invalid --port/);
    expect(() => parseServeArgs(['--port', 'abc'])).toThrow(/Invalid --port/);
    expect(() => parseServeArgs(['--bogus'])).toThrow();
  });
});

describe('a bind other than loopback', () => {
  it('is refused without --allow-remote', () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.20']) {
      expect(() => parseServeArgs(['--host', host])).toThrow(/Refusing to listen on .*--allow-remote/);
    }
  });
  it('without TLS, also needs --insecure-http', () => {
    expect(() => parseServeArgs(['--host', '0.0.0.0', '--allow-remote'])).toThrow(
      /plain HTTP.*--tls-cert.*--insecure-http/s,
    );
    expect(parseServeArgs(['--host', '0.0.0.0', '--allow-remote', '--insecure-http'])).toMatchObject({
      host: '0.0.0.0',
      allowRemote: true,
      insecureHttp: true,
    });
  });
  it('with TLS needs both files, and takes allowed host names', () => {
    const args = ['--host', '0.0.0.0', '--allow-remote', '--tls-cert', 'c.pem', '--tls-key', 'k.pem'];
    expect(parseServeArgs([...args, '--allowed-host', 'Redlens.LAN', '--allowed-host', '10.0.0.5'])).toMatchObject({
      tls: { certFile: 'c.pem', keyFile: 'k.pem' },
      allowedHosts: ['redlens.lan', '10.0.0.5'],
    });
    expect(() => parseServeArgs(args.slice(0, 5))).toThrow(/go together/);
    expect(() => parseServeArgs([...args, '--insecure-http'])).toThrow(/contradicts/);
    expect(() => parseServeArgs([...args, '--allowed-host', 'evil.example:80'])).toThrow(/Invalid --allowed-host/);
  });
  it('is refused by the host itself too, not only by the CLI', () => {
    expect(bindRefusal({ host: '0.0.0.0' })).toMatch(/--allow-remote/);
    expect(bindRefusal({ host: '0.0.0.0', allowRemote: true })).toMatch(/plain HTTP/);
    expect(bindRefusal({ host: '0.0.0.0', allowRemote: true, tls: true })).toBeUndefined();
    expect(bindRefusal({ host: '127.0.0.1' })).toBeUndefined();
  });
  it('warns what it exposes, and louder on plain HTTP', () => {
    expect(remoteWarning({ host: '127.0.0.1' }, [])).toEqual([]);
    const tls = remoteWarning({ host: '0.0.0.0', allowRemote: true, tls: true }, ['127.0.0.1', 'redlens.lan']);
    expect(tls.join('\n')).toMatch(/reachable from other machines.*saved passwords.*delete any key/s);
    expect(tls.join('\n')).toContain('Accepted host names (--allowed-host adds more): 127.0.0.1, redlens.lan');
    expect(remoteWarning({ host: '0.0.0.0', allowRemote: true, insecureHttp: true }, []).join('\n')).toMatch(
      /plain HTTP.*unencrypted/,
    );
  });
});
