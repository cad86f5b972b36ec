import Redis, { type RedisOptions } from 'ioredis';
import { mapError } from '../api/mapError';
import { describeNodeError, isInformative } from '../sessions/nodeErrors';
import { parseReplication } from './nodeReplication';
import type { DataNodeState } from './snapshotBuilder';

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
      const info = parseReplication(await this.#client.info('replication'));
      this.#state = { reachable: true, info };
    } catch (e) {
      const error = this.#client.status === 'ready' ? mapError(e, this.address).message : this.#lastError;
      this.#state = { reachable: false, error: error ?? mapError(e, this.address).message };
    }
  }

  close(): void {
    this.#client.disconnect();
  }
}
