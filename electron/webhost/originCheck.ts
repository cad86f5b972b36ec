const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];
const isLoopback = (host: string) => host === '127.0.0.1' || host === '::1' || host === 'localhost';

/**
 * The origins our own pages are served from. A browser always sends Origin on a WebSocket
 * upgrade, so any other origin (another site, a DNS-rebound name) is refused.
 */
export function allowedOrigins(bindHost: string, port: number, hostHeader?: string): Set<string> {
  const origins = new Set<string>();
  if (isLoopback(bindHost)) {
    for (const name of LOOPBACK_NAMES) origins.add(`http://${name}:${port}`);
  } else if (bindHost === '0.0.0.0' || bindHost === '::') {
    // Bound to every interface: the page's origin is whatever address the user opened.
    if (hostHeader) origins.add(`http://${hostHeader}`);
  } else {
    origins.add(`http://${bindHost.includes(':') ? `[${bindHost}]` : bindHost}:${port}`);
  }
  return origins;
}

export function originAllowed(
  origin: string | undefined,
  bindHost: string,
  port: number,
  hostHeader?: string,
): boolean {
  if (!origin) return false;
  return allowedOrigins(bindHost, port, hostHeader).has(origin.toLowerCase());
}
