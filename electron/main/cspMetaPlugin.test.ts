import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from '../core/security/contentSecurityPolicy';
import { injectCspMeta } from './cspMetaPlugin';

const META = /<meta http-equiv="Content-Security-Policy" content="([^"]*)" \/>/;
// `npm test` builds before it runs the tests; the web host serves this same file.
const BUILT = 'out/renderer/index.html';
const SOURCE = 'renderer/index.html';

describe('CSP <meta> in the renderer HTML', () => {
  it('goes right after <meta charset>, before any script or stylesheet', () => {
    const html = injectCspMeta(readFileSync(SOURCE, 'utf8'));
    const at = html.search(META);
    expect(at).toBeGreaterThan(html.indexOf('<meta charset'));
    expect(at).toBeLessThan(html.search(/<script|<link/));
    expect(META.exec(html)?.[1]).toBe(META_CONTENT_SECURITY_POLICY);
  });

  it('refuses to build an index.html it cannot anchor the policy in', () => {
    expect(() => injectCspMeta('<html><head><title>x</title></head></html>')).toThrow(/meta charset/);
  });

  it('is in the built index.html, identical to the header apart from header-only directives', () => {
    expect(existsSync(BUILT), `${BUILT} is missing: run npm run build first`).toBe(true);
    const html = readFileSync(BUILT, 'utf8');
    const policy = META.exec(html)?.[1];
    expect(policy).toBe(META_CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY.replace(" frame-ancestors 'none';", '')).toBe(policy);
    expect(html.search(META)).toBeLessThan(html.search(/<script|<link rel="stylesheet"/));
  });
});
