/**
 * Runs one poll round at a time: every `intervalMs`, and at once when asked (`soon`) — a round
 * asked for while one runs follows it straight away, so no change waits a whole interval.
 */
export class PollLoop {
  readonly #round: () => Promise<void>;
  readonly #intervalMs: number;
  #timer: NodeJS.Timeout | undefined;
  #polling: Promise<void> | undefined;
  #again = false;
  #stopped = false;
  /** Rounds asked for before `start` (links still connecting) are not run. */
  #started = false;

  constructor(round: () => Promise<void>, intervalMs: number) {
    this.#round = round;
    this.#intervalMs = intervalMs;
  }

  /** Runs the first round (and keeps polling after it). */
  start(): Promise<void> {
    this.#started = true;
    return this.#poll();
  }

  /** A round as soon as possible. */
  soon(): void {
    if (this.#stopped || !this.#started) return;
    if (this.#polling) {
      this.#again = true;
      return;
    }
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#poll(), 0);
  }

  /** The round that runs now may be stale: run another right after it. */
  again(): void {
    this.#again = true;
  }

  get stopped(): boolean {
    return this.#stopped;
  }

  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
  }

  #poll(): Promise<void> {
    this.#polling ??= this.#round().finally(() => {
      this.#polling = undefined;
      if (this.#stopped) return;
      clearTimeout(this.#timer);
      const delay = this.#again ? 0 : this.#intervalMs;
      this.#again = false;
      this.#timer = setTimeout(() => void this.#poll(), delay);
    });
    return this.#polling;
  }
}
