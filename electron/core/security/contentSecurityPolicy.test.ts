import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy, META_CONTENT_SECURITY_POLICY } from './contentSecurityPolicy';

const directives = (policy: string) => new Map(policy.split('; ').map((d) => [d.split(' ')[0], d] as const));

describe('contentSecurityPolicy', () => {
  it('is strict in a build: nothing inline, no eval, nothing remote', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'",
    );
  });

  it('the <meta> is the header minus what browsers ignore in a meta (frame-ancestors)', () => {
    const header = directives(CONTENT_SECURITY_POLICY);
    const meta = directives(META_CONTENT_SECURITY_POLICY);
    header.delete('frame-ancestors');
    expect(meta).toEqual(header);
  });

  it('opens only what `vite dev` needs, and only for the dev server it names', () => {
    const dev = directives(contentSecurityPolicy({ delivery: 'meta', devServerOrigin: 'http://localhost:5173' }));
    expect(dev.get('script-src')).toBe("script-src 'self' 'unsafe-inline'");
    expect(dev.get('style-src')).toBe("style-src 'self' 'unsafe-inline'");
    expect(dev.get('connect-src')).toBe("connect-src 'self' ws://localhost:5173");
    expect(dev.get('default-src')).toBe("default-src 'none'");
    expect(contentSecurityPolicy({ delivery: 'header', devServerOrigin: 'https://127.0.0.1:5173' })).toContain(
      "connect-src 'self' wss://127.0.0.1:5173",
    );
    for (const policy of [CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY]) {
      expect(policy).not.toMatch(/unsafe-|ws:|wss:|\*/);
    }
  });
});
