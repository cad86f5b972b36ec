import { isIP } from 'node:net';

/** The names loopback is reached by, as they appear in a Host header or an Origin. */
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];
const DNS_NAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** True for addresses only this machine can reach: localhost, 127.0.0.0/8, ::1. */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return h === 'localhost' || h === '::1' || (isIP(h) === 4 && h.startsWith('127.'));
}

/** True for "every interface" binds. */
export const isWildcardHost = (host: string): boolean => ['0.0.0.0', '::', '[::]'].includes(host);

/**
 * A host name or IP address as it appears in a URL (lower case, IPv6 in brackets), or undefined
 * when it is not one (a port, a path, a wildcard, spaces…).
 */
export function normalizeHostName(raw: string): string | undefined {
  const name = raw.trim().toLowerCase();
  const bare = name.replace(/^\[(.*)\]$/, '$1');
  if (isIP(bare) === 6) return bare === '::' ? undefined : `[${bare}]`;
  if (isIP(bare) === 4) return bare === '0.0.0.0' ? undefined : bare;
  return DNS_NAME.test(name) ? name : undefined;
}

export interface HostPolicyOptions {
  /** The address the server listens on. */
  bindHost: string;
  port: number;
  tls: boolean;
  /** More names to accept (`--allowed-host`). */
  allowedHosts?: readonly string[];
  /** This machine's interface addresses: accepted when bound to every interface. */
  interfaceAddresses?: readonly string[];
}

export interface HostPolicy {
  /** Every host name accepted, as in a URL (lower case, IPv6 in brackets). */
  readonly names: readonly string[];
  /** The Host header names one of our names, on our port. */
  hostAllowed(hostHeader: string | undefined): boolean;
  /** The Origin is one of our own pages (never derived from the request's Host header). */
  originAllowed(origin: string | undefined): boolean;
}

/** The names the server may be reached by: what the browser's Host and Origin must say. */
export function acceptedHostNames(options: HostPolicyOptions): string[] {
  const names = new Set<string>();
  const add = (raw: string) => {
    const name = normalizeHostName(raw);
    if (name) names.add(name);
  };
  if (isWildcardHost(options.bindHost)) {
    LOOPBACK_NAMES.forEach(add);
    // IP literals cannot be DNS-rebound; names have to be given explicitly.
    options.interfaceAddresses?.forEach(add);
  } else {
    if (isLoopbackHost(options.bindHost)) LOOPBACK_NAMES.forEach(add);
    add(options.bindHost);
  }
  options.allowedHosts?.forEach(add);
  return [...names];
}

/**
 * The Host and Origin checks, for loopback and remote binds alike. The Host check stops DNS
 * rebinding (a page on a name the attacker controls, resolved to us); the Origin check stops
 * other sites from opening the API socket in the user's browser.
 */
export function createHostPolicy(options: HostPolicyOptions): HostPolicy {
  const names = acceptedHostNames(options);
  const scheme = options.tls ? 'https' : 'http';
  const defaultPort = options.tls ? 443 : 80;
  const onDefaultPort = options.port === defaultPort;
  const hosts = new Set<string>();
  const origins = new Set<string>();
  for (const name of names) {
    hosts.add(`${name}:${options.port}`);
    if (onDefaultPort) hosts.add(name);
    origins.add(`${scheme}://${name}${onDefaultPort ? '' : `:${options.port}`}`);
  }
  return {
    names,
    hostAllowed: (hostHeader) => !!hostHeader && hosts.has(hostHeader.toLowerCase()),
    originAllowed: (origin) => !!origin && origins.has(origin.toLowerCase()),
  };
}
