import { APP_HOST, APP_SCHEME } from './appOrigin';
import type { RendererSource } from './rendererSource';

/**
 * True only for a URL on the renderer's own origin, compared as parsed scheme + host + port —
 * never as a string prefix, which `http://localhost:5173.evil.com`, `…@evil.com` or a file://
 * path beside the app would pass. URLs carrying credentials are refused outright.
 */
export function createAppUrlCheck(source: RendererSource): (url: string) => boolean {
  return (raw) => {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return false;
    }
    if (url.username || url.password) return false;
    // Node's URL gives app: (not a "special" scheme) an opaque origin, so compare its parts.
    if (source.kind === 'app') return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
    return url.origin === source.origin;
  };
}
