/**
 * The one Content-Security-Policy for the renderer. It is sent as a response header (Electron's
 * app:// handler and session, the web host) and written into the built index.html as a <meta>
 * (electron.vite.config.ts), so a page that somehow arrives without the header is still covered.
 * No inline scripts, no eval, no remote origins; `connect-src 'self'` also covers the web host's
 * same-origin WebSocket (CSP 3 lets 'self' match ws:/wss: on the page's host and port).
 */
const DIRECTIVES: ReadonlyArray<readonly [string, ...string[]]> = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self'", 'data:'],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
  ['object-src', "'none'"],
];

/** Browsers ignore these in a <meta> policy (and log an error), so the meta leaves them out. */
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

/**
 * What `vite dev` needs and a build never does: the React Fast Refresh preamble is an inline
 * script, CSS arrives as injected <style> elements, and HMR talks over a WebSocket.
 */
function devSources(directive: string, devServerOrigin: string): string[] {
  if (directive === 'script-src' || directive === 'style-src') return ["'unsafe-inline'"];
  if (directive === 'connect-src') return [devServerOrigin.replace(/^http/, 'ws')];
  return [];
}

export interface PolicyOptions {
  delivery: 'header' | 'meta';
  /** Only for a development build served by `vite dev`: its origin, e.g. http://localhost:5173. */
  devServerOrigin?: string;
}

export function contentSecurityPolicy({ delivery, devServerOrigin }: PolicyOptions): string {
  return DIRECTIVES.filter(([name]) => delivery === 'header' || !HEADER_ONLY.has(name))
    .map(([name, ...sources]) =>
      [name, ...sources, ...(devServerOrigin ? devSources(name, devServerOrigin) : [])].join(' '),
    )
    .join('; ');
}

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy({ delivery: 'header' });
export const META_CONTENT_SECURITY_POLICY = contentSecurityPolicy({ delivery: 'meta' });
