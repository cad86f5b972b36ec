import Redis, { type RedisOptions } from 'ioredis';
import type { ApiError } from '../../../shared/api/errors';
import { parseInfo } from '../redis/parseInfo';
import { describeNodeError, isInformative } from '../redis/nodeErrors';
import { askSentinel, type SentinelAnswer } from './sentinelAnswer';

export interface SentinelLinkInit {
  address: string;
  /** Listed in the profile, rather than discovered. */
  configured: boolean;
  options: RedisOptions;
  onMessage: (channel: string, message: string, sentinel: string) => void;
  /** Reachability or subscription changed. */
  onChange: () => void;
}

/**
 * The watcher's two connections to one sentinel: commands (the polls) and a subscriber on
 * every event channel (`PSUBSCRIBE *`). Both reconnect on their own while the link lives.
 */
export class SentinelLink {
  readonly address: string;
  readonly configured: boolean;
  /** Settles once the first connection attempt of the command link succeeded (ready) or failed. */
  readonly connected: Promise<void>;
  readonly #cmd: Redis;
  readonly #sub: Redis;
  readonly #init: SentinelLinkInit;
  #subscribed = false;
  #tried = false;
  #runId: string | undefined;
  #error: ApiError | undefined;
  /** Before Redis 5, `SENTINEL REPLICAS` was only called `SLAVES`. */
  #replicasCommand = 'REPLICAS';

  constructor(init: SentinelLinkInit) {
    this.address = init.address;
    this.configured = init.configured;
    this.#init = init;
    this.#cmd = new Redis(init.options);
    this.#sub = new Redis(init.options);
    for (const client of [this.#cmd, this.#sub]) {
      client.on('error', (e: unknown) => {
        if (isInformative(e)) this.#error = describeNodeError(e, this.address, 'sentinel');
      });
      client.on('close', () => this.#changed(client === this.#sub));
    }
    this.#cmd.on('ready', () => {
      this.#error = undefined;
      this.#readRunId();
      init.onChange();
    });
    this.#sub.on('ready', () => this.#subscribe());
    this.#sub.on('pmessage', (_pattern: string, channel: string, message: string) =>
      init.onMessage(channel, message, this.address),
    );
    // A failed first attempt is retried like any later drop (retryStrategy).
    this.connected = this.#cmd
      .connect()
      .catch(() => {})
      .finally(() => {
        this.#tried = true;
      });
    this.#sub.connect().catch(() => {});
  }

  get reachable(): boolean {
    return this.#cmd.status === 'ready';
  }

  /** The first connection attempt is still under way: neither up nor down yet. */
  get connecting(): boolean {
    return !this.#tried;
  }

  get subscribed(): boolean {
    return this.#subscribed;
  }

  get runId(): string | undefined {
    return this.#runId;
  }

  get error(): ApiError | undefined {
    return this.reachable ? undefined : (this.#error ?? { code: 'CONNECTION_LOST', message: 'Not connected yet.' });
  }

  async ask(masterName: string): Promise<SentinelAnswer> {
    try {
      return await askSentinel(this.#cmd, masterName, this.#replicasCommand);
    } catch (e) {
      if (this.#replicasCommand === 'REPLICAS' && /unknown/i.test(String(e))) {
        this.#replicasCommand = 'SLAVES';
        return this.ask(masterName);
      }
      throw e;
    }
  }

  /** `SENTINEL FAILOVER <name>`: resolves once this sentinel accepted it. */
  async failover(masterName: string): Promise<void> {
    await this.#cmd.call('SENTINEL', 'FAILOVER', masterName);
  }

  close(): void {
    this.#cmd.disconnect();
    this.#sub.disconnect();
  }

  #subscribe(): void {
    this.#sub
      .psubscribe('*')
      .then(() => {
        this.#subscribed = true;
        this.#init.onChange();
      })
      .catch((e: unknown) => {
        this.#error = describeNodeError(e, this.address, 'sentinel');
      });
  }

  #readRunId(): void {
    this.#cmd
      .info('server')
      .then((text) => {
        this.#runId = parseInfo(text)['server']?.['run_id'] ?? this.#runId;
      })
      .catch(() => {});
  }

  #changed(subscriber: boolean): void {
    if (subscriber) this.#subscribed = false;
    this.#init.onChange();
  }
}
