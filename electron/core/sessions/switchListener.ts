import Redis from 'ioredis';
import type { ConnectionOptions } from 'node:tls';
import { formatAddress } from '../redis/nodeErrors';
import { nodeOptions, SENTINEL_WATCH_RETRY_MS, type SentinelProfile } from '../redis/redisOptions';

const CHANNEL = '+switch-master';

/**
 * A Sentinel session's failover detector: `SUBSCRIBE +switch-master` on every configured
 * sentinel, reporting the new master of the session's master name. It replaces ioredis' own
 * detector, which drops the connection on every such message — including the copies other
 * sentinels publish a second later, after the session already moved to the new master.
 */
export class SwitchListener {
  readonly #clients: Redis[];

  constructor(
    profile: SentinelProfile,
    tls: ConnectionOptions | undefined,
    name: string,
    onSwitch: (to: string) => void,
  ) {
    this.#clients = profile.sentinels.map((endpoint) => {
      const client = new Redis({
        ...nodeOptions(profile, endpoint, 'sentinel', tls),
        connectionName: name,
        lazyConnect: true,
        connectTimeout: profile.connectTimeoutMs,
        enableOfflineQueue: false,
        maxRetriesPerRequest: 0,
        autoResubscribe: false,
        retryStrategy: () => SENTINEL_WATCH_RETRY_MS,
      });
      client.on('error', () => {
        // A sentinel that is away: the others still report; this one is retried.
      });
      client.on('ready', () => {
        client.subscribe(CHANNEL).catch(() => {});
      });
      client.on('message', (channel: string, message: string) => {
        const [master, , , host, port] = message.split(' ');
        if (channel === CHANNEL && master === profile.masterName && host && port) {
          onSwitch(formatAddress(host, Number(port)));
        }
      });
      client.connect().catch(() => {});
      return client;
    });
  }

  close(): void {
    for (const client of this.#clients) client.disconnect();
  }
}
