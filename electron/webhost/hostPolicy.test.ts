import { describe, expect, it } from 'vitest';
import { acceptedHostNames, createHostPolicy, isLoopbackHost, normalizeHostName } from './hostPolicy';

describe('host names', () => {
  it('knows loopback', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', 'LOCALHOST'])
      expect(isLoopbackHost(h)).toBe(true);
    for (const h of ['0.0.0.0', '::', '10.0.0.1', 'example.com', '128.0.0.1']) expect(isLoopbackHost(h)).toBe(false);
  });
  it('normalises names and addresses, and refuses the rest', () => {
    expect(normalizeHostName('Redlens.LAN')).toBe('redlens.lan');
    expect(normalizeHostName('::1')).toBe('[::1]');
    expect(normalizeHostName('[fd00::2]')).toBe('[fd00::2]');
    for (const bad of ['', 'a b', 'host:80', 'http://x', '0.0.0.0', '::', '-x.com', 'x..com', 'a/b']) {
      expect(normalizeHostName(bad)).toBeUndefined();
    }
  });
});

describe('createHostPolicy on loopback', () => {
  const policy = createHostPolicy({ bindHost: '127.0.0.1', port: 5757, tls: false });
  it('accepts only loopback names on our port', () => {
    expect(policy.hostAllowed('127.0.0.1:5757')).toBe(true);
    expect(policy.hostAllowed('LOCALHOST:5757')).toBe(true);
    expect(policy.hostAllowed('[::1]:5757')).toBe(true);
    for (const h of [undefined, '', '127.0.0.1', '127.0.0.1:5758', 'evil.example:5757', '127.0.0.1:5757.evil']) {
      expect(policy.hostAllowed(h)).toBe(false);
    }
  });
  it('accepts only our own origins', () => {
    expect(policy.originAllowed('http://127.0.0.1:5757')).toBe(true);
    expect(policy.originAllowed('http://localhost:5757')).toBe(true);
    for (const o of [
      undefined,
      'null',
      'http://127.0.0.1:5758',
      'https://127.0.0.1:5757',
      'http://evil.example:5757',
    ]) {
      expect(policy.originAllowed(o)).toBe(false);
    }
  });
});

describe('createHostPolicy on other interfaces', () => {
  it('bound to every interface: loopback, this machine’s addresses and the names given — never the client’s Host', () => {
    const policy = createHostPolicy({
      bindHost: '0.0.0.0',
      port: 5757,
      tls: false,
      interfaceAddresses: ['192.168.1.20', 'fd00::2'],
      allowedHosts: ['redlens.lan'],
    });
    expect(policy.names).toEqual(['127.0.0.1', 'localhost', '[::1]', '192.168.1.20', '[fd00::2]', 'redlens.lan']);
    expect(policy.hostAllowed('192.168.1.20:5757')).toBe(true);
    expect(policy.hostAllowed('redlens.lan:5757')).toBe(true);
    expect(policy.hostAllowed('evil.example:5757')).toBe(false);
    expect(policy.originAllowed('http://redlens.lan:5757')).toBe(true);
    expect(policy.originAllowed('http://[fd00::2]:5757')).toBe(true);
    // The page's origin used to be taken from the request's own Host header: any name passed.
    expect(policy.originAllowed('http://evil.example:5757')).toBe(false);
  });
  it('bound to one address: that address and the names given', () => {
    expect(acceptedHostNames({ bindHost: '10.1.2.3', port: 1, tls: false })).toEqual(['10.1.2.3']);
    const policy = createHostPolicy({ bindHost: '10.1.2.3', port: 5757, tls: false });
    expect(policy.hostAllowed('10.1.2.3:5757')).toBe(true);
    expect(policy.hostAllowed('127.0.0.1:5757')).toBe(false);
  });
  it('with TLS: https origins, and the port may be left out on 443', () => {
    const policy = createHostPolicy({ bindHost: '0.0.0.0', port: 443, tls: true, allowedHosts: ['redlens.example'] });
    expect(policy.hostAllowed('redlens.example')).toBe(true);
    expect(policy.hostAllowed('redlens.example:443')).toBe(true);
    expect(policy.originAllowed('https://redlens.example')).toBe(true);
    expect(policy.originAllowed('http://redlens.example')).toBe(false);
  });
});
