/**
 * Long work on big values runs in slices: it yields to the event loop after a few milliseconds,
 * so input, painting and WebSocket messages go on between slices (no task > 50 ms).
 */
const SLICE_MS = 5;

/** Resolves in a new task (a message, not setTimeout, which nested calls clamp to 4 ms). */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Call often inside a long loop: yields once the current slice has run for SLICE_MS. */
export function timeSlicer(): () => Promise<void> | undefined {
  let start = performance.now();
  return () => {
    if (performance.now() - start < SLICE_MS) return undefined;
    return nextTask().then(() => {
      start = performance.now();
    });
  };
}
