import type { Plugin } from 'vite';
import { contentSecurityPolicy } from '../core/security/contentSecurityPolicy';

const CHARSET_META = /<meta charset="UTF-8" \/>/i;
const escapeAttribute = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * Puts the CSP <meta> right after <meta charset> (before every script and style). Throws when
 * that anchor is missing, so a changed index.html cannot quietly ship without a policy.
 */
export function injectCspMeta(html: string, devServerOrigin?: string): string {
  if (!CHARSET_META.test(html)) throw new Error('index.html needs <meta charset="UTF-8" /> to anchor the CSP <meta>');
  const policy = contentSecurityPolicy(devServerOrigin ? { delivery: 'meta', devServerOrigin } : { delivery: 'meta' });
  const meta = `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(policy)}" />`;
  return html.replace(CHARSET_META, (charset) => `${charset}\n    ${meta}`);
}

/**
 * Writes the renderer's CSP into index.html from the same source as the response headers. A
 * build gets the strict policy; `vite dev` gets the development one for its own origin (HMR).
 */
export function cspMetaPlugin(): Plugin {
  return {
    name: 'redlens:csp-meta',
    transformIndexHtml(html, ctx) {
      const devUrl = ctx.server?.resolvedUrls?.local[0];
      return injectCspMeta(html, devUrl ? new URL(devUrl).origin : undefined);
    },
  };
}
