import type { Endpoint, ProfileDraft } from '../../../shared/api/profiles';
import { ApiFailure } from '../api/apiFailure';

const SCHEMES = {
  redis: { kind: 'standalone', tls: false },
  rediss: { kind: 'standalone', tls: true },
  'redis-sentinel': { kind: 'sentinel', tls: false },
  'rediss-sentinel': { kind: 'sentinel', tls: true },
} as const;
type Scheme = keyof typeof SCHEMES;

const DEFAULT_PORT = { standalone: 6379, sentinel: 26379 } as const;
const MAX_DB = 100_000;
const EXAMPLES =
  'redis://[user:password@]host[:port][/db], rediss://… (TLS) or redis-sentinel://[[user:]password@]host1:26379,host2:26379[/db][?sentinelPassword=…]#mymaster';

const invalid = (message: string) => new ApiFailure('VALIDATION_FAILED', message);

function decode(text: string, what: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw invalid(`The ${what} in the URL has a broken %-escape. Write a literal "%" as %25.`);
  }
}

function parsePort(text: string, hostPort: string): number {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  if (!(port >= 1 && port <= 65535)) {
    throw invalid(`Bad port "${text}" in "${hostPort}": a port is a number from 1 to 65535.`);
  }
  return port;
}

/** `host`, `host:port`, `[::1]`, `[::1]:port` → endpoint (IPv6 without brackets). */
function parseEndpoint(text: string, defaultPort: number): Endpoint {
  const v6 = /^\[([^\]]+)\](?::(.*))?$/.exec(text);
  if (!v6 && /:.*:/.test(text)) {
    throw invalid(`"${text}" looks like an IPv6 address: put it in brackets, e.g. [${text}] or [::1]:6379.`);
  }
  const [host = '', rawPort] = v6 ? [decode(v6[1] ?? '', 'IPv6 address'), v6[2]] : text.split(/:(.*)/s, 2);
  if (!host) throw invalid(`A host is missing in the URL ("${text}"). Expected ${EXAMPLES}.`);
  if (/[\s/?#@[\]]/.test(host)) throw invalid(`"${host}" is not a valid host name.`);
  return { host, port: rawPort === undefined || rawPort === '' ? defaultPort : parsePort(rawPort, text) };
}

function parseDb(text: string, where: string): number {
  const db = /^\d{1,6}$/.test(text) ? Number(text) : NaN;
  if (!(db >= 0 && db <= MAX_DB)) {
    throw invalid(`Bad database "${text}" ${where}: it must be a database number (0, 1, 2…).`);
  }
  return db;
}

const OPTION_WORDS: Record<string, string> = {
  sentinelPassword: 'sentinel password',
  sentinelUsername: 'sentinel user name',
};

/** `?name=value&…` → decoded values; `+` stays a plus (passwords), a name given twice is refused. */
function parseQuery(query: string | undefined): Map<string, string> {
  const options = new Map<string, string>();
  for (const pair of (query ?? '').split('&')) {
    if (!pair) continue;
    const [rawName = '', rawValue = ''] = pair.split(/=(.*)/s, 2);
    const name = decode(rawName, 'URL option name');
    const what = OPTION_WORDS[name] ?? `URL option "${name}"`;
    if (options.has(name)) throw invalid(`The URL gives "${name}" twice; keep one.`);
    options.set(name, decode(rawValue, what));
  }
  return options;
}

/** Everything after `scheme://`: `[userinfo@]hosts[/db][?query][#fragment]`. */
function splitUrl(rest: string) {
  // The last "@" ends the credentials, so an unescaped "@" (or "/", "#") in a password still works
  // — but not one inside the options (`?sentinelPassword=a@b`): those start at the first "?name=".
  const options = /\?[A-Za-z][\w-]*=/.exec(rest);
  const at = (options ? rest.slice(0, options.index) : rest).lastIndexOf('@');
  const userinfo = at >= 0 ? rest.slice(0, at) : undefined;
  const afterAuth = rest.slice(at + 1);
  const [beforeFragment = '', fragment] = afterAuth.split(/#(.*)/s, 2);
  const [beforeQuery = '', query] = beforeFragment.split(/\?(.*)/s, 2);
  const [hosts = '', path] = beforeQuery.split(/\/(.*)/s, 2);
  return { userinfo, hosts, path, query: parseQuery(query), fragment };
}

/** `user:password`, `:password` or a single token; returns [user, password]. */
function splitUserinfo(userinfo: string | undefined, loneTokenIs: 'user' | 'password') {
  if (!userinfo) return [undefined, undefined];
  const colon = userinfo.indexOf(':');
  const [user, password] =
    colon < 0
      ? loneTokenIs === 'user'
        ? [userinfo, '']
        : ['', userinfo]
      : [userinfo.slice(0, colon), userinfo.slice(colon + 1)];
  return [user ? decode(user, 'user name') : undefined, password ? decode(password, 'password') : undefined];
}

function dbFrom(path: string | undefined, query: Map<string, string>): number | undefined {
  const fromPath = path ? parseDb(path, 'in the URL path') : undefined;
  const param = query.get('db') ?? query.get('database');
  const fromQuery = param === undefined ? undefined : parseDb(param, 'in the URL options');
  if (fromPath !== undefined && fromQuery !== undefined && fromPath !== fromQuery) {
    throw invalid(`The URL names two databases (/${fromPath} and db=${fromQuery}); keep one.`);
  }
  return fromPath ?? fromQuery;
}

const SENTINEL_OPTIONS = ['sentinelMasterId', 'sentinelUsername', 'sentinelPassword'];
const SUPPORTED_OPTIONS = ['db', 'database', ...SENTINEL_OPTIONS];

/**
 * Parses a connection URL into the profile fields it carries.
 *
 * - `redis://user@host` means user name `user` (as redis-py, node-redis and ioredis read it);
 *   a password alone is written `redis://:password@host`.
 * - In `redis-sentinel://` URLs the credentials are the DATA NODES' (as Lettuce reads
 *   `redis-sentinel://[[user:]password@]host…#master`, where a single token is the password): the
 *   usual deployment has a password on the data nodes only. The sentinels' own credentials come
 *   only from `?sentinelPassword=` / `?sentinelUsername=` (redis-py's `sentinel_kwargs` split).
 */
export function parseConnectionUrl(url: string): ProfileDraft {
  const text = url.trim();
  const match = /^([a-z][a-z0-9+.-]*):\/\/(.*)$/is.exec(text);
  if (!match) throw invalid(`"${text}" is not a connection URL. Expected ${EXAMPLES}.`);
  const scheme = (match[1] ?? '').toLowerCase();
  if (!Object.hasOwn(SCHEMES, scheme)) {
    const hint = /^(unix|redis\+socket|redis-socket)$/.test(scheme) ? ' Unix sockets are not supported.' : '';
    throw invalid(
      `Unknown URL scheme "${scheme}://".${hint} Use redis://, rediss://, redis-sentinel:// or rediss-sentinel://.`,
    );
  }
  const { kind, tls } = SCHEMES[scheme as Scheme];
  const parts = splitUrl(match[2] ?? '');
  for (const key of parts.query.keys()) {
    if (kind === 'standalone' && SENTINEL_OPTIONS.includes(key)) {
      throw invalid(`The "${key}" option only belongs in redis-sentinel:// URLs.`);
    }
    if (!SUPPORTED_OPTIONS.includes(key)) {
      throw invalid(
        `Unsupported URL option "${key}": Redlens understands ${SUPPORTED_OPTIONS.join(', ')}. Set other options in the form.`,
      );
    }
  }
  const db = dbFrom(parts.path, parts.query);
  const common = { ...(db === undefined ? {} : { db }), ...(tls ? { tls: { enabled: true } } : {}) };

  if (kind === 'standalone') {
    if (parts.hosts.includes(',')) throw invalid('Only redis-sentinel:// URLs can list several hosts.');
    if (parts.fragment !== undefined) {
      throw invalid(`A "#${parts.fragment}" master name only belongs in redis-sentinel:// URLs.`);
    }
    const { host, port } = parseEndpoint(parts.hosts, DEFAULT_PORT.standalone);
    const [username, password] = splitUserinfo(parts.userinfo, 'user');
    return {
      kind,
      host,
      port,
      ...(username === undefined ? {} : { username }),
      ...(password === undefined ? {} : { password }),
      ...common,
    };
  }

  const sentinels = parts.hosts.split(',').map((h) => parseEndpoint(h.trim(), DEFAULT_PORT.sentinel));
  const fromFragment = parts.fragment === undefined ? undefined : decode(parts.fragment, 'master name');
  const masterName = (fromFragment ?? parts.query.get('sentinelMasterId') ?? '').trim();
  if (!masterName) {
    throw invalid(
      `The master name is missing: add it after "#", e.g. redis-sentinel://${parts.hosts || 'host:26379'}#mymaster.`,
    );
  }
  const [username, password] = splitUserinfo(parts.userinfo, 'password');
  const sentinelUsername = parts.query.get('sentinelUsername') || undefined;
  const sentinelPassword = parts.query.get('sentinelPassword') || undefined;
  return {
    kind,
    sentinels,
    masterName,
    ...(username === undefined ? {} : { username }),
    ...(password === undefined ? {} : { password }),
    ...(sentinelUsername === undefined ? {} : { sentinelUsername }),
    ...(sentinelPassword === undefined ? {} : { sentinelPassword }),
    ...common,
  };
}
