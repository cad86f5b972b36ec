import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Core } from '../core/createCore';
import { CONTENT_SECURITY_POLICY } from '../core/security/contentSecurityPolicy';
import { originAllowed } from './originCheck';
import { authenticate, cookieName } from './requestAuth';
import { resolveStaticPath, sendFile } from './staticFiles';
import { generateToken } from './token';
import { createWsBridge } from './wsBridge';

export interface WebHostOptions {
  core: Pick<Core, 'dispatch' | 'events'>;
  /** Folder with the built renderer (index.html + assets). */
  rendererDir: string;
  host?: string;
  port?: number;
  token?: string;
}

export interface WebHost {
  url: string;
  host: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export const API_PATH = '/api';

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  // The token travels in the URL: never leak it in a Referer.
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const LOOPBACK_HOST_HEADER = /^(127\.0\.0\.1|localhost|\[::1\]):\d+$/;
const isLoopbackBind = (h: string) => h === '127.0.0.1' || h === 'localhost' || h === '::1';

function refuse(res: ServerResponse, status: number, text: string) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(`${text}\n`);
}

function refuseUpgrade(socket: Duplex, status: number, reason: string) {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * The web host: serves the built renderer and core's dispatch over a WebSocket, on loopback by
 * default. Every request needs the token (query, bearer or the cookie set on first visit);
 * upgrades also need an allowed Origin. No CORS headers are ever sent.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? generateToken();
  const bridge = createWsBridge(options.core.dispatch, options.core.events);
  let port = 0;

  const hostHeaderOk = (req: IncomingMessage) =>
    !isLoopbackBind(host) || LOOPBACK_HOST_HEADER.test(req.headers.host ?? '');

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://redlens.invalid');
    if (!hostHeaderOk(req)) return refuse(res, 403, 'Forbidden: unexpected Host header.');
    const auth = authenticate(req, url, port, token);
    if (auth !== 'ok') {
      return refuse(
        res,
        auth === 'missing' ? 401 : 403,
        auth === 'missing'
          ? 'Redlens: this address needs its access token. Open the full URL printed by `npm run serve` (…/?token=…).'
          : 'Redlens: wrong access token.',
      );
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed.');
    const file = resolveStaticPath(options.rendererDir, url.pathname === '/' ? '/index.html' : url.pathname);
    if (!file) return refuse(res, 404, 'Not found.');
    sendFile(res, file, {
      ...SECURITY_HEADERS,
      // Later requests from the page (assets, the WebSocket) carry the token in this cookie.
      'Set-Cookie': `${cookieName(port)}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict`,
    });
  });

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://redlens.invalid');
    if (url.pathname !== API_PATH) return refuseUpgrade(socket, 404, 'Not Found');
    if (!hostHeaderOk(req)) return refuseUpgrade(socket, 403, 'Forbidden');
    const auth = authenticate(req, url, port, token);
    if (auth !== 'ok')
      return refuseUpgrade(socket, auth === 'missing' ? 401 : 403, auth === 'missing' ? 'Unauthorized' : 'Forbidden');
    if (!originAllowed(req.headers.origin, host, port, req.headers.host)) {
      return refuseUpgrade(socket, 403, 'Forbidden');
    }
    bridge.wss.handleUpgrade(req, socket, head, (ws) => bridge.wss.emit('connection', ws, req));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${port}/?token=${token}`,
    host,
    port,
    token,
    close: async () => {
      await bridge.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
