import type { ConnectionOptions } from 'node:tls';
import type { ApiError } from '../../../shared/api/errors';
import type { Endpoint } from '../../../shared/api/profiles';
import { mapError } from '../api/mapError';
import { formatAddress } from '../redis/nodeErrors';
import type { SentinelProfile } from '../redis/redisOptions';
import { DataNodeLink } from './dataNodeLink';
import { linkOptions } from './linkOptions';
import type { SentinelAnswer } from './sentinelAnswer';
import { entryAddress } from './sentinelAnswer';
import { SentinelLink } from './sentinelLink';
import type { DataNodeState, SentinelState } from './snapshotBuilder';

export interface LinkSetInit {
  profile: SentinelProfile;
  tls: ConnectionOptions | undefined;
  connectionName: string;
  onMessage: (channel: string, message: string, sentinel: string) => void;
  onChange: () => void;
}

/** `host:port` or `[v6]:port` back to an endpoint. */
export function toEndpoint(address: string): Endpoint {
  const colon = address.lastIndexOf(':');
  return { host: address.slice(0, colon).replace(/^\[(.*)\]$/, '$1'), port: Number(address.slice(colon + 1)) };
}

/**
 * The watcher's connections: two per sentinel (configured, discovered by polling, or announced
 * by `+sentinel`) and one per data node; links to nodes that left the topology are closed.
 */
export class LinkSet {
  readonly #init: LinkSetInit;
  readonly #sentinels = new Map<string, SentinelLink>();
  readonly #dataNodes = new Map<string, DataNodeLink>();
  readonly #answers = new Map<string, SentinelAnswer>();
  /** Why the last poll of a reachable sentinel failed. */
  readonly #askErrors = new Map<string, ApiError>();

  constructor(init: LinkSetInit) {
    this.#init = init;
    for (const endpoint of init.profile.sentinels) this.addSentinel(endpoint, true);
  }

  get sentinels(): SentinelLink[] {
    return [...this.#sentinels.values()];
  }

  addSentinel(endpoint: Endpoint, configured = false): void {
    const address = formatAddress(endpoint.host, endpoint.port);
    if (this.#sentinels.has(address) || !endpoint.port) return;
    const { profile, tls, connectionName, onMessage, onChange } = this.#init;
    const options = linkOptions(profile, endpoint, 'sentinel', tls, connectionName);
    this.#sentinels.set(address, new SentinelLink({ address, configured, options, onMessage, onChange }));
  }

  /** Resolves once every sentinel link connected or failed its first attempt. */
  async firstConnect(): Promise<void> {
    await Promise.allSettled(this.sentinels.map((link) => link.connected));
  }

  /** One poll of every reachable sentinel; keeps the answers for `sentinelStates`. */
  async askSentinels(masterName: string): Promise<void> {
    await Promise.all(
      this.sentinels.map(async (link) => {
        try {
          this.#answers.set(link.address, await link.ask(masterName));
          this.#askErrors.delete(link.address);
        } catch (e) {
          this.#answers.delete(link.address);
          this.#askErrors.set(link.address, mapError(e, link.address));
        }
      }),
    );
    this.#syncDiscoveredSentinels();
  }

  sentinelStates(): SentinelState[] {
    return this.sentinels.map((link) => {
      const answer = link.reachable ? this.#answers.get(link.address) : undefined;
      const error = link.error ?? (answer ? undefined : this.#askErrors.get(link.address));
      return {
        address: link.address,
        configured: link.configured,
        reachable: link.reachable && !!answer,
        subscribed: link.subscribed,
        ...(link.runId && { runId: link.runId }),
        ...(error && { error }),
        ...(answer && { answer }),
      };
    });
  }

  /** Sentinels whose first connection attempt is still under way. */
  connectingSentinels(): Set<string> {
    return new Set(this.sentinels.filter((link) => link.connecting).map((link) => link.address));
  }

  /** Opens links to new data nodes, closes the ones gone, and asks each INFO replication. */
  async refreshDataNodes(addresses: readonly string[]): Promise<void> {
    const wanted = new Set(addresses);
    for (const [address, link] of this.#dataNodes) {
      if (wanted.has(address)) continue;
      link.close();
      this.#dataNodes.delete(address);
    }
    const { profile, tls, connectionName } = this.#init;
    for (const address of wanted) {
      if (this.#dataNodes.has(address)) continue;
      const options = linkOptions(profile, toEndpoint(address), 'data', tls, connectionName);
      this.#dataNodes.set(address, new DataNodeLink(address, options));
    }
    await Promise.all([...this.#dataNodes.values()].map((link) => link.refresh()));
  }

  dataNodeStates(): Map<string, DataNodeState> {
    return new Map([...this.#dataNodes].map(([address, link]) => [address, link.state]));
  }

  close(): void {
    for (const link of this.#sentinels.values()) link.close();
    for (const link of this.#dataNodes.values()) link.close();
    this.#sentinels.clear();
    this.#dataNodes.clear();
  }

  /**
   * Sentinels the answering ones report join; discovered ones nobody reports any more leave
   * (e.g. after SENTINEL RESET). Configured ones always stay.
   */
  #syncDiscoveredSentinels(): void {
    if (this.#answers.size === 0) return;
    const reported = new Set<string>();
    for (const answer of this.#answers.values()) {
      for (const entry of answer.sentinels) {
        reported.add(entryAddress(entry));
        this.addSentinel({ host: entry['ip'] ?? '', port: Number(entry['port'] ?? 0) });
      }
    }
    for (const [address, link] of this.#sentinels) {
      if (link.configured || reported.has(address) || this.#answers.has(address)) continue;
      link.close();
      this.#sentinels.delete(address);
      this.#answers.delete(address);
      this.#askErrors.delete(address);
    }
  }
}
