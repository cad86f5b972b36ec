import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { authenticate } from './requestAuth';
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
  const url = (q = '') => new URL(`http://127.0.0.1:5757/api${q}`);
  it('accepts the query token or a bearer header', () => {
    expect(authenticate(req({}), url('?token=secret-token'), token)).toBe('ok');
    expect(authenticate(req({ authorization: 'Bearer secret-token' }), url(), token)).toBe('ok');
  });
  it('tells missing from wrong', () => {
    expect(authenticate(req({}), url(), token)).toBe('missing');
    expect(authenticate(req({ authorization: 'Bearer ' }), url(), token)).toBe('missing');
    expect(authenticate(req({}), url('?token=nope'), token)).toBe('invalid');
  });
  it('never reads a cookie, well-formed or not', () => {
    expect(authenticate(req({ cookie: 'redlens_token_5757=secret-token' }), url(), token)).toBe('missing');
    expect(() => authenticate(req({ cookie: 'redlens_token_5757=%E0%A4%A' }), url(), token)).not.toThrow();
  });
});
