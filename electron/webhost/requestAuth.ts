import type { IncomingMessage } from 'node:http';
import { tokensEqual } from './token';

export type AuthOutcome = 'ok' | 'missing' | 'invalid';

/**
 * The token a request carries: `?token=` (how a browser's WebSocket must send it) or
 * `Authorization: Bearer`. Never a cookie: cookies ignore ports, so every other service on the
 * same host name would receive it.
 */
export function presentedToken(req: IncomingMessage, url: URL): string | undefined {
  const fromQuery = url.searchParams.get('token');
  if (fromQuery) return fromQuery;
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim() || undefined;
  return undefined;
}

export function authenticate(req: IncomingMessage, url: URL, token: string): AuthOutcome {
  const presented = presentedToken(req, url);
  if (!presented) return 'missing';
  return tokensEqual(presented, token) ? 'ok' : 'invalid';
}
