import type Redis from 'ioredis';
import { ApiFailure } from '../api/apiFailure';
import { mapError } from '../api/mapError';
import { reconnectNow } from '../redis/reconnectNow';

/** Idle lanes kept open (besides the one of the db on screen); older ones are closed. */
const MAX_LANES = 8;

/** `SELECT` (or ioredis' `db` option on connect) failed: the connection is not in its db. */
export const isDbOutOfRange = (e: unknown): boolean =>
  e instanceof Error && /DB index is out of range|invalid DB index/i.test(e.message);

export const dbMissing = (db: number, detail: string): ApiFailure =>
  new ApiFailure('VALIDATION_FAILED', `Database ${db} does not exist on this server: ${detail}`, { db });

interface Lane {
  client: Redis;
  /** Settles once the first connection is up (or failed). */
  connected: Promise<void>;
  /** Set when the server refused its SELECT: never used again. */
  lost?: ApiFailure;
}

export interface DbLaneHooks {
  /** A configured, lazily connecting client whose `db` option is `db`. */
  create(db: number): Redis;
  /** Every `ready` of a lane (the session checks it reached the node it expects). */
  onReady(client: Redis): void;
  /** How long the first connect may take. */
  connectTimeoutMs: number;
}

/**
 * Connections pinned to one database each. Nothing ever sends `SELECT` on them: ioredis selects
 * the db of its `db` option on every (re)connect, before the connection is ready, so a command
 * sent on a lane runs in that lane's db, whatever the session shows meanwhile. A lane whose
 * `SELECT` is refused (the server restarted with fewer databases) is closed before it is ready
 * and never used again — a command meant for db N never runs in db 0 instead.
 */
export class DbLanes {
  readonly #lanes = new Map<number, Lane>();
  #closed = false;

  constructor(private readonly hooks: DbLaneHooks) {}

  /** The lane of `db`, connected; `keep` is the db on screen (never closed to make room). */
  async get(db: number, keep: number): Promise<Redis> {
    if (this.#closed) throw new ApiFailure('CONNECTION_LOST', 'The session was closed.');
    let lane = this.#lanes.get(db);
    if (lane) {
      // Most recently used last: the map's order is the eviction order.
      this.#lanes.delete(db);
      this.#lanes.set(db, lane);
    } else {
      lane = this.#open(db);
      this.#evict(keep);
    }
    await lane.connected;
    if (lane.lost) throw lane.lost;
    if (lane.client.status !== 'ready') await this.#whenReady(lane, db);
    return lane.client;
  }

  /**
   * The session is up but this lane is still between attempts (it reconnects on its own
   * back-off): try now and wait for it, bounded. Nothing has been sent, so nothing can repeat.
   */
  async #whenReady(lane: Lane, db: number): Promise<void> {
    const { client } = lane;
    reconnectNow(client);
    let timer: NodeJS.Timeout | undefined;
    let onReady: (() => void) | undefined;
    try {
      await new Promise<void>((resolve, reject) => {
        onReady = resolve;
        client.once('ready', onReady);
        timer = setTimeout(
          () =>
            reject(
              new ApiFailure('CONNECTION_LOST', `The connection to db ${db} is re-establishing; nothing was sent.`),
            ),
          this.hooks.connectTimeoutMs,
        );
      });
    } finally {
      clearTimeout(timer);
      if (onReady) client.off('ready', onReady);
    }
    if (lane.lost) throw lane.lost;
  }

  /** The lanes' clients (to follow a new master). */
  clients(): Redis[] {
    return [...this.#lanes.values()].map((lane) => lane.client);
  }

  close(): void {
    this.#closed = true;
    for (const lane of this.#lanes.values()) lane.client.disconnect();
    this.#lanes.clear();
  }

  #open(db: number): Lane {
    const client = this.hooks.create(db);
    const lane: Lane = { client, connected: Promise.resolve() };
    const forget = () => {
      if (this.#lanes.get(db) === lane) this.#lanes.delete(db);
    };
    client.on('error', (e: unknown) => {
      // Other errors reach callers through their commands' rejections.
      if (!isDbOutOfRange(e) || lane.lost) return;
      lane.lost = dbMissing(db, (e as Error).message);
      forget();
      client.disconnect();
    });
    client.on('ready', () => {
      if (!lane.lost) this.hooks.onReady(client);
    });
    // Gave up reconnecting: the next use opens a new lane.
    client.on('end', forget);
    lane.connected = this.#connect(lane, db).catch((e: unknown) => {
      forget();
      client.disconnect();
      lane.lost ??= e instanceof ApiFailure ? e : new ApiFailure(mapError(e).code, mapError(e).message);
    });
    this.#lanes.set(db, lane);
    return lane;
  }

  async #connect(lane: Lane, db: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      const message = `No answer while opening db ${db} within ${(this.hooks.connectTimeoutMs / 1000).toFixed(1)} s.`;
      timer = setTimeout(() => reject(new ApiFailure('TIMEOUT', message)), this.hooks.connectTimeoutMs);
    });
    try {
      await Promise.race([lane.client.connect(), deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  #evict(keep: number): void {
    for (const [db, lane] of this.#lanes) {
      if (this.#lanes.size <= MAX_LANES) return;
      if (db === keep) continue;
      this.#lanes.delete(db);
      // QUIT is queued behind what is in flight: those commands still get their replies.
      lane.client.quit().catch(() => lane.client.disconnect());
    }
  }
}
