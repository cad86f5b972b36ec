import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import type { Duplex } from 'node:stream';
import type { Core } from '../core/createCore';
import { CONTENT_SECURITY_POLICY } from '../core/security/contentSecurityPolicy';
import { bindRefusal } from './bindPolicy';
import { createHostPolicy, isWildcardHost, normalizeHostName } from './hostPolicy';
import { authenticate } from './requestAuth';
import { parseRequestTarget } from './requestTarget';
import { resolveStaticPath, sendFile } from './staticFiles';
import { generateToken } from './token';
import { createWsBridge, DEFAULT_BRIDGE_LIMITS, type BridgeLimits } from './wsBridge';

export interface WebHostOptions {
  core: Pick<Core, 'dispatch' | 'events'>;
  /** Folder with the built renderer (index.html + assets). */
  rendererDir: string;
  host?: string;
  port?: number;
  token?: string;
  /** PEM certificate chain and key: serve https and wss. */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** Needed to bind anything but loopback (see bindRefusal). */
  allowRemote?: boolean;
  /** Needed, with allowRemote, to bind anything but loopback without TLS. */
  insecureHttp?: boolean;
  /** More host names to accept in Host and Origin (`--allowed-host`). */
  allowedHosts?: readonly string[];
  limits?: Partial<BridgeLimits>;
}

export interface WebHost {
  /** The address to open, with the token in the fragment (never sent to a server). */
  url: string;
  host: string;
  port: number;
  token: string;
  /** The host names a browser may use (Host header, Origin). */
  acceptedHosts: readonly string[];
  close(): Promise<void>;
}

export const API_PATH = '/api';

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function refuse(res: ServerResponse, status: number, text: string, extra: Record<string, string> = {}) {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    ...extra,
    'Content-Type': 'text/plain; charset=utf-8',
    Connection: 'close',
  });
  res.end(`${text}\n`);
}

function refuseUpgrade(socket: Duplex, status: number, reason: string) {
  socket.once('finish', () => socket.destroy());
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** This machine's addresses, accepted as host names when bound to every interface. */
const interfaceAddresses = (): string[] =>
  Object.values(networkInterfaces())
    .flat()
    .filter((a) => !!a && !a.internal && !a.scopeid)
    .map((a) => a!.address);

/**
 * The web host: serves the built renderer (public: it holds no secret) and core's dispatch over a
 * WebSocket that needs the token and one of our own Origins. Every request must name us in its
 * Host header (DNS rebinding). Loopback unless told otherwise; no CORS headers, no cookies.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const host = options.host ?? '127.0.0.1';
  const refusal = bindRefusal({
    host,
    allowRemote: options.allowRemote,
    tls: !!options.tls,
    insecureHttp: options.insecureHttp,
  });
  if (refusal) throw new Error(refusal);
  const token = options.token ?? generateToken();
  const bridge = createWsBridge(options.core.dispatch, options.core.events, {
    ...DEFAULT_BRIDGE_LIMITS,
    ...options.limits,
  });

  /** GET /api without an upgrade tells the page whether its token is good (401/403/426). */
  const answerApiProbe = (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const auth = authenticate(req, url, token);
    if (auth === 'missing') return refuse(res, 401, 'Redlens: this needs the access token.');
    if (auth === 'invalid') return refuse(res, 403, 'Redlens: wrong access token.');
    refuse(res, 426, 'Redlens: open a WebSocket here.', { Upgrade: 'websocket' });
  };

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    const url = parseRequestTarget(req.url);
    if (!url) return refuse(res, 400, 'Bad request target.');
    if (!policy.hostAllowed(req.headers.host)) return refuse(res, 403, 'Forbidden: unexpected Host header.');
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return refuse(res, 405, 'Method not allowed.', { Allow: 'GET, HEAD' });
    if (url.pathname === API_PATH) return answerApiProbe(req, res, url);
    const file = resolveStaticPath(options.rendererDir, url.pathname === '/' ? '/index.html' : url.pathname);
    if (!file) return refuse(res, 404, 'Not found.');
    sendFile(req, res, file, SECURITY_HEADERS);
  };

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node removes its own error listener before 'upgrade': a reset here would otherwise throw.
    socket.on('error', () => socket.destroy());
    const url = parseRequestTarget(req.url);
    if (!url) return refuseUpgrade(socket, 400, 'Bad Request');
    if (url.pathname !== API_PATH) return refuseUpgrade(socket, 404, 'Not Found');
    if (!policy.hostAllowed(req.headers.host)) return refuseUpgrade(socket, 403, 'Forbidden');
    const auth = authenticate(req, url, token);
    if (auth !== 'ok')
      return refuseUpgrade(socket, auth === 'missing' ? 401 : 403, auth === 'missing' ? 'Unauthorized' : 'Forbidden');
    if (!policy.originAllowed(req.headers.origin)) return refuseUpgrade(socket, 403, 'Forbidden');
    bridge.wss.handleUpgrade(req, socket, head, (ws) => bridge.wss.emit('connection', ws, req));
  };

  const server = options.tls ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key }) : createHttpServer();
  // Slow or never-ending requests are dropped (the page's own requests are small GETs).
  server.headersTimeout = 20_000;
  server.requestTimeout = 30_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  }).catch(async (e: unknown) => {
    await bridge.close();
    throw e;
  });
  // Later server errors (e.g. EMFILE on accept) cost that connection, never the process.
  server.on('error', () => undefined);
  const port = (server.address() as AddressInfo).port;
  // The accepted names depend on the port: listen first, then take requests.
  const policy = createHostPolicy({
    bindHost: host,
    port,
    tls: !!options.tls,
    allowedHosts: options.allowedHosts,
    interfaceAddresses: isWildcardHost(host) ? interfaceAddresses() : [],
  });
  server.on('request', onRequest);
  server.on('upgrade', onUpgrade);
  const urlHost = isWildcardHost(host)
    ? (options.allowedHosts?.map(normalizeHostName).find(Boolean) ?? '127.0.0.1')
    : (normalizeHostName(host) ?? host);

  return {
    url: `${options.tls ? 'https' : 'http'}://${urlHost}:${port}/#token=${token}`,
    host,
    port,
    token,
    acceptedHosts: policy.names,
    close: async () => {
      await bridge.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
