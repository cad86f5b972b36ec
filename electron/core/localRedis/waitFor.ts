/** Thrown by a probe to stop waiting at once (e.g. the process being waited on has exited). */
export class AbortWaitError extends Error {
  override name = 'AbortWaitError';
}

export interface WaitForOptions {
  timeoutMs: number;
  /** Delay between probes (default 100 ms). */
  intervalMs?: number;
  /** What is being waited for; used in the timeout message. */
  what: string;
}

/**
 * Polls `probe` until it returns a value other than `undefined`/`false` and resolves with it.
 * A probe that throws counts as "not yet" (the error is remembered for the timeout message),
 * except for `AbortWaitError`, which is rethrown immediately.
 */
export async function waitFor<T>(probe: () => Promise<T | undefined | false>, opts: WaitForOptions): Promise<T> {
  const intervalMs = opts.intervalMs ?? 100;
  const deadline = Date.now() + opts.timeoutMs;
  let last = 'no attempt finished';
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
      last = `last value: ${String(value)}`;
    } catch (err) {
      if (err instanceof AbortWaitError) throw err;
      last = `last error: ${err instanceof Error ? err.message : String(err)}`;
    }
    if (Date.now() >= deadline) {
      throw new Error(`Timed out after ${opts.timeoutMs} ms waiting for ${opts.what} (${last})`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
