import type { Page } from '@playwright/test';

/**
 * Holds the page's first call of `method` to core inside the page until `release()`: a change
 * the test makes meanwhile certainly comes before that call reaches core. Done in the page
 * (wrapping WebSocket.send before the app starts) rather than with routeWebSocket, which passes
 * every frame through the test runner: megabyte frames then took a second each.
 */
export async function holdFirstCall(page: Page, method: string): Promise<{ release(): Promise<void> }> {
  await page.addInitScript((held: string) => {
    const send = WebSocket.prototype.send;
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let first = true;
    (globalThis as unknown as { __releaseHeldCall: () => void }).__releaseHeldCall = release;
    WebSocket.prototype.send = function (this: WebSocket, data) {
      if (first && typeof data === 'string' && data.includes(`"method":${JSON.stringify(held)}`)) {
        first = false;
        void released.then(() => send.call(this, data));
        return;
      }
      send.call(this, data);
    };
  }, method);
  return {
    release: () =>
      page.evaluate(() => (globalThis as unknown as { __releaseHeldCall: () => void }).__releaseHeldCall()),
  };
}
