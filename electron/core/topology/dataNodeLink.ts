import Redis, { type RedisOptions } from 'ioredis';
import { mapError } from '../api/mapError';
import { describeNodeError, isInformative } from '../redis/nodeErrors';
import { reconnectNow } from '../redis/reconnectNow';
import { LINK_COMMAND_TIMEOUT_MS } from './linkOptions';
import { parseReplication, type ReplicationInfo } from './nodeReplication';
import type { DataNodeState } from './snapshotBuilder';

/** Resolves once `client` is ready, or its connection attempt ended, or after `ms`. */
function settled(client: Redis, ms: number): Promise<void> {
  if (client.status === 'ready') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      for (const event of ['ready', 'close', 'end']) client.off(event, done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    for (const event of ['ready', 'close', 'end']) client.once(event, done);
  });
}

/** The watcher's connection to one data node, for `INFO replication`. */
export class DataNodeLink {
  readonly address: string;
  readonly #client: Redis;
  /** The first connection attempt: the first refresh waits for it rather than fail at once. */
  readonly #connected: Promise<void>;
  #lastError: string | undefined;
  #state: DataNodeState = { reachable: false, error: 'Not connected yet.' };

  constructor(address: string, options: RedisOptions) {
    this.address = address;
    this.#client = new Redis(options);
    this.#client.on('error', (e: unknown) => {
      if (isInformative(e)) this.#lastError = describeNodeError(e, address, 'data').message;
    });
    this.#connected = this.#client.connect().catch(() => {});
  }

  get state(): DataNodeState {
    return this.#state;
  }

  /** Asks INFO replication; on failure the node is shown unreachable, with why. */
  async refresh(): Promise<void> {
    await this.#connected;
    try {
      this.#state = { reachable: true, info: await this.#ask() };
    } catch (e) {
      const error = this.#client.status === 'ready' ? mapError(e, this.address).message : this.#lastError;
      this.#state = { reachable: false, error: error ?? mapError(e, this.address).message };
    }
  }

  close(): void {
    this.#client.disconnect();
  }

  /**
   * INFO replication, on a link that is up now. Nodes drop our connection on purpose: Sentinel
   * sends `CLIENT KILL TYPE normal` to a replica it promotes and to a former master it turns
   * into a replica. Waiting for the retry timer would show a node that is up "unreachable" for
   * a poll or two — beside a session already reconnected to it — so a dropped link reconnects
   * at once and the question is asked (again). One wait at most: a node that does not answer
   * in time is paused or gone, and shown so without slowing the poll further.
   */
  async #ask(): Promise<ReplicationInfo> {
    const waited = this.#client.status !== 'ready';
    if (waited) await this.#reconnect();
    try {
      return parseReplication(await this.#client.info('replication'));
    } catch (e) {
      if (waited || this.#client.status === 'ready') throw e;
      await this.#reconnect();
      return parseReplication(await this.#client.info('replication'));
    }
  }

  async #reconnect(): Promise<void> {
    reconnectNow(this.#client);
    await settled(this.#client, LINK_COMMAND_TIMEOUT_MS);
  }
}
