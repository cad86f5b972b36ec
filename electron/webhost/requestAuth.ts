import type { IncomingMessage } from 'node:http';
import { tokensEqual } from './token';

export type AuthOutcome = 'ok' | 'missing' | 'invalid';

/** Cookies are shared by every port of a host, so the cookie name carries the port. */
export const cookieName = (port: number) => `redlens_token_${port}`;

function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/** The token a request carries: `?token=`, `Authorization: Bearer`, or our cookie. */
export function presentedToken(req: IncomingMessage, url: URL, port: number): string | undefined {
  const fromQuery = url.searchParams.get('token');
  if (fromQuery) return fromQuery;
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim();
  return readCookie(req.headers.cookie, cookieName(port));
}

export function authenticate(req: IncomingMessage, url: URL, port: number, token: string): AuthOutcome {
  const presented = presentedToken(req, url, port);
  if (!presented) return 'missing';
  return tokensEqual(presented, token) ? 'ok' : 'invalid';
}
