/**
 * The one Content-Security-Policy for the renderer, used by the Electron shell (response
 * header on every load) and the web host. No inline scripts, no eval, no remote origins;
 * `connect-src 'self'` also covers the web host's same-origin WebSocket.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
