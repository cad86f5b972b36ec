import { isLoopbackHost, isWildcardHost } from './hostPolicy';

export interface BindChoice {
  host: string;
  /** `--allow-remote`: the user knows the host is reachable from other machines. */
  allowRemote?: boolean;
  /** TLS is configured (https + wss). */
  tls?: boolean;
  /** `--insecure-http`: the user accepts the token and data in clear on the network. */
  insecureHttp?: boolean;
}

/**
 * Why a bind is refused, or undefined when it may go ahead. Loopback needs nothing; any other
 * address needs --allow-remote, and TLS or an explicit --insecure-http: on plain HTTP the token
 * (the whole API) and every value cross the network readable by anyone on the path.
 */
export function bindRefusal(choice: BindChoice): string | undefined {
  if (isLoopbackHost(choice.host)) return undefined;
  const where = isWildcardHost(choice.host) ? `${choice.host} (every network interface)` : choice.host;
  if (!choice.allowRemote) {
    return (
      `Refusing to listen on ${where}: other machines could reach Redlens there. ` +
      'If that is what you want, add --allow-remote (and --tls-cert/--tls-key).'
    );
  }
  if (!choice.tls && !choice.insecureHttp) {
    return (
      `Refusing to serve plain HTTP on ${where}: the access token and all your data would cross the network ` +
      'unencrypted. Give --tls-cert FILE --tls-key FILE, or add --insecure-http if the network path is trusted ' +
      '(e.g. a container port published on loopback only).'
    );
  }
  return undefined;
}

/** What a remote bind exposes, said once at start (stderr). */
export function remoteWarning(choice: BindChoice, acceptedHosts: readonly string[]): string[] {
  if (isLoopbackHost(choice.host)) return [];
  const lines = [
    `WARNING: Redlens is reachable from other machines on ${choice.host}. Whoever has the URL with its token can use ` +
      'every saved connection (with its saved passwords), read, change and delete any key on those servers, and ' +
      'start or stop the local sandbox. Share the URL only over a trusted channel; stop the host when done.',
    `Accepted host names (--allowed-host adds more): ${acceptedHosts.join(', ')}`,
  ];
  if (!choice.tls) {
    lines.push(
      'WARNING: plain HTTP (--insecure-http): the token and all data cross the network unencrypted; anyone on the ' +
        'path can read them and take over this host.',
    );
  }
  return lines;
}
