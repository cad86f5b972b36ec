/**
 * Where a saved secret may go. A password (sentinel password, TLS key passphrase) is saved for
 * one destination: the host:port, or the set of sentinels plus the master name, reached over a
 * transport at least as safe as the one it was saved with. Core drops saved secrets when a
 * profile's destination changes (and never sends them elsewhere); the profile editor uses the
 * same rule to tell the user before saving. Pure, so both sides share it.
 */

interface Tls {
  enabled?: boolean;
  verify?: boolean;
}
interface Endpoint {
  host: string;
  port: number;
}

/** The fields the rule reads: any profile view, input or stored profile has them. */
export type SecretDestination =
  | { kind: 'standalone'; host: string; port: number; tls?: Tls }
  | { kind: 'sentinel'; sentinels: readonly Endpoint[]; masterName: string; tls?: Tls };

/** Why saved secrets cannot follow a change: the address, the sentinels/master name, or weaker TLS. */
export type SecretRebindReason = 'address' | 'sentinels' | 'tls';

const endpointKey = (e: Endpoint) => `${e.host.trim().toLowerCase()}:${e.port}`;

/** `host:port`, or `sentinel a:1,b:2#master` (sentinels de-duplicated and sorted). */
export function destinationKey(p: SecretDestination): string {
  if (p.kind === 'standalone') return endpointKey(p);
  const sentinels = [...new Set(p.sentinels.map(endpointKey))].sort();
  return `sentinel ${sentinels.join(',')}#${p.masterName.trim()}`;
}

/** 0: plain TCP, 1: TLS without verification, 2: verified TLS (the schema's defaults apply). */
const transportStrength = (tls: Tls | undefined) => (!tls?.enabled ? 0 : tls.verify === false ? 1 : 2);

/**
 * Undefined when `saved`'s secrets may be used for `next`; otherwise why not. Same address and
 * no weaker TLS: keep. Anything else: the user must type the secret again.
 */
export function secretRebindReason(next: SecretDestination, saved: SecretDestination): SecretRebindReason | undefined {
  if (destinationKey(next) !== destinationKey(saved)) return next.kind === 'sentinel' ? 'sentinels' : 'address';
  if (transportStrength(next.tls) < transportStrength(saved.tls)) return 'tls';
  return undefined;
}
