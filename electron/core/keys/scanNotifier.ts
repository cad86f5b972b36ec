/**
 * Throttles progress pushes to at most one per `intervalMs` (the UI needs ~10/s, not one per
 * SCAN page), remembering whether any of the folded calls changed rows. `flush` sends what is
 * pending now (the final event of a scan).
 */
export class ScanNotifier {
  #last = 0;
  #timer: NodeJS.Timeout | undefined;
  #rowsChanged = false;

  constructor(
    private readonly send: (rowsChanged: boolean) => void,
    private readonly intervalMs = 100,
  ) {}

  notify(rowsChanged: boolean): void {
    this.#rowsChanged ||= rowsChanged;
    if (this.#timer) return;
    const wait = this.#last + this.intervalMs - Date.now();
    if (wait <= 0) this.flush();
    else this.#timer = setTimeout(() => this.flush(), wait);
  }

  flush(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#last = Date.now();
    const rowsChanged = this.#rowsChanged;
    this.#rowsChanged = false;
    this.send(rowsChanged);
  }

  /** Drops a pending push (the index it was about is gone). */
  cancel(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#rowsChanged = false;
  }
}
