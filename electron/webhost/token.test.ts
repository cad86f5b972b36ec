import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { originAllowed } from './originCheck';
import { authenticate, cookieName } from './requestAuth';
import { generateToken, tokensEqual } from './token';

describe('token', () => {
  it('has at least 128 bits and is fresh each time', () => {
    const a = generateToken();
    expect(Buffer.from(a, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    expect(generateToken()).not.toBe(a);
  });
  it('compares exactly, whatever the lengths', () => {
    const t = generateToken();
    expect(tokensEqual(t, t)).toBe(true);
    expect(tokensEqual(t.slice(0, -1), t)).toBe(false);
    expect(tokensEqual('', t)).toBe(false);
    expect(tokensEqual(`${t}x`, t)).toBe(false);
  });
});

const req = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;

describe('authenticate', () => {
  const token = 'secret-token';
  const url = (q = '') => new URL(`http://127.0.0.1:5757/${q}`);
  it('accepts the query token, a bearer header or our cookie', () => {
    expect(authenticate(req({}), url('?token=secret-token'), 5757, token)).toBe('ok');
    expect(authenticate(req({ authorization: 'Bearer secret-token' }), url(), 5757, token)).toBe('ok');
    expect(authenticate(req({ cookie: `a=b; ${cookieName(5757)}=secret-token` }), url(), 5757, token)).toBe('ok');
  });
  it('tells missing from wrong', () => {
    expect(authenticate(req({}), url(), 5757, token)).toBe('missing');
    expect(authenticate(req({}), url('?token=nope'), 5757, token)).toBe('invalid');
    // Another instance's cookie (other port) is not ours.
    expect(authenticate(req({ cookie: `${cookieName(5758)}=secret-token` }), url(), 5757, token)).toBe('missing');
  });
});

describe('originAllowed', () => {
  it('allows only our own loopback origins when bound to loopback', () => {
    expect(originAllowed('http://127.0.0.1:5757', '127.0.0.1', 5757)).toBe(true);
    expect(originAllowed('http://localhost:5757', '127.0.0.1', 5757)).toBe(true);
    expect(originAllowed('http://127.0.0.1:5758', '127.0.0.1', 5757)).toBe(false);
    expect(originAllowed('https://evil.example', '127.0.0.1', 5757)).toBe(false);
    expect(originAllowed('http://evil.example:5757', '127.0.0.1', 5757, 'evil.example:5757')).toBe(false);
    expect(originAllowed(undefined, '127.0.0.1', 5757)).toBe(false);
    expect(originAllowed('null', '127.0.0.1', 5757)).toBe(false);
  });
  it('uses the bind address when it is a specific one', () => {
    expect(originAllowed('http://10.1.2.3:5757', '10.1.2.3', 5757)).toBe(true);
    expect(originAllowed('http://127.0.0.1:5757', '10.1.2.3', 5757)).toBe(false);
  });
});
