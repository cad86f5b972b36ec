export const MIN_COUNT = 100;
export const MAX_COUNT = 10_000;
const FAST_MS = 5;
const SLOW_MS = 20;
/** Recent calls whose quickest per-COUNT time estimates the server's cost. */
const WINDOW = 8;

/**
 * Adapts SCAN's COUNT so each call stays short on the server (~5–20 ms): bigger pages when
 * calls are quick (fewer round trips), smaller ones when the server is busy or far away.
 *
 * A call's time is the server's work (in proportion to COUNT) plus delays COUNT does not explain
 * (the round trip, a reply waiting for a busy CPU). The quickest time per unit of COUNT among the
 * last few calls bounds the server's part from above, so on a busy machine, where some replies
 * wait and some do not, a delayed reply does not shrink the pages (smaller pages would only mean
 * more calls, each delayed as much).
 */
export class ScanCountTuner {
  #count: number;
  /** Milliseconds per unit of COUNT of the last calls (newest last). */
  readonly #perUnit: number[] = [];

  constructor(initial: number) {
    this.#count = clamp(initial);
  }

  get count(): number {
    return this.#count;
  }

  /** Records how long the last call (sent with the current COUNT) took; returns the COUNT for the next one. */
  next(elapsedMs: number): number {
    this.#perUnit.push(elapsedMs / this.#count);
    if (this.#perUnit.length > WINDOW) this.#perUnit.shift();
    const serverMs = Math.min(...this.#perUnit) * this.#count;
    if (serverMs < FAST_MS) this.#count = clamp(Math.round(this.#count * 1.5));
    else if (serverMs > SLOW_MS) this.#count = clamp(Math.round(this.#count / 2));
    return this.#count;
  }
}

const clamp = (n: number): number => Math.min(MAX_COUNT, Math.max(MIN_COUNT, n));
