import type { ApiError, ErrorCode } from '../../../shared/api/errors';

export interface ReconnectPolicy {
  /** Delay before the first attempt; it doubles on every attempt up to `maxDelayMs`. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** How long a session keeps trying after it lost its connection before it fails. */
  budgetMs: number;
}

export const STANDALONE_RECONNECT: ReconnectPolicy = { firstDelayMs: 200, maxDelayMs: 2_000, budgetMs: 60_000 };

/**
 * Sentinel waits `down-after-milliseconds` (30 s by default) before it even starts a failover,
 * and gives one up to `failover-timeout` (180 s by default): outlast that, or a session would
 * give up on a deployment that is healing itself (what other Redis GUIs do after ~1 s).
 */
export const SENTINEL_RECONNECT: ReconnectPolicy = { firstDelayMs: 200, maxDelayMs: 2_000, budgetMs: 180_000 };

/** Errors that another attempt cannot fix: the user has to change the profile. */
const FATAL: readonly ErrorCode[] = ['AUTH_FAILED', 'AUTH_REQUIRED', 'UNKNOWN_MASTER', 'TLS_FAILED'];

export const isFatal = (error: ApiError | undefined): boolean => !!error && FATAL.includes(error.code);

export const backoffDelay = (attempt: number, policy: ReconnectPolicy): number =>
  Math.min(policy.firstDelayMs * 2 ** Math.max(0, attempt - 1), policy.maxDelayMs);

/** Counts the attempts since the connection was lost and says when the budget is spent. */
export class ReconnectBudget {
  #attempt = 0;
  #downSince: number | undefined;

  constructor(private readonly policy: ReconnectPolicy) {}

  get attempt(): number {
    return this.#attempt;
  }

  /** Seconds since the connection was lost (0 while connected). */
  downSeconds(now = Date.now()): number {
    return this.#downSince === undefined ? 0 : Math.round((now - this.#downSince) / 100) / 10;
  }

  /** The delay before the next attempt, or `null` once that attempt would start past the budget. */
  next(now = Date.now()): number | null {
    this.#downSince ??= now;
    const delay = backoffDelay(this.#attempt + 1, this.policy);
    if (now + delay - this.#downSince > this.policy.budgetMs) return null;
    this.#attempt += 1;
    return delay;
  }

  /** Connected again: the next loss starts a fresh budget. */
  reset(): void {
    this.#attempt = 0;
    this.#downSince = undefined;
  }
}
