export const MIN_COUNT = 100;
export const MAX_COUNT = 10_000;
const FAST_MS = 5;
const SLOW_MS = 20;

/**
 * Adapts SCAN's COUNT so each call stays short on the server (~5–20 ms): bigger pages when
 * calls are quick (fewer round trips), smaller ones when the server is busy or far away.
 */
export class ScanCountTuner {
  #count: number;

  constructor(initial: number) {
    this.#count = clamp(initial);
  }

  get count(): number {
    return this.#count;
  }

  /** Records how long the last call took; returns the COUNT for the next one. */
  next(elapsedMs: number): number {
    if (elapsedMs < FAST_MS) this.#count = clamp(Math.round(this.#count * 1.5));
    else if (elapsedMs > SLOW_MS) this.#count = clamp(Math.round(this.#count / 2));
    return this.#count;
  }
}

const clamp = (n: number): number => Math.min(MAX_COUNT, Math.max(MIN_COUNT, n));
