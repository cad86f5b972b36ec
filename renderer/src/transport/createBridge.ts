import type { RedlensBridge } from '../../../shared/api/transport';
import { takeAccessToken, tokenInFragment } from './accessToken';
import type { LinkStatus } from './linkStatus';
import { createWsTransport } from './wsTransport';

declare global {
  interface Window {
    /** Present only inside the Electron shell (set by the preload). */
    redlens?: RedlensBridge;
  }
}

/** Picks the transport at start-up: the preload's IPC bridge if present, else the WebSocket. */
export function createBridge(onStatus: (status: LinkStatus) => void): RedlensBridge {
  if (window.redlens) {
    onStatus({ kind: 'ipc', state: 'open', attempt: 0 });
    return window.redlens;
  }
  const token = takeAccessToken(window);
  // Opening the host's new address in this tab changes only the fragment (no page load): take
  // the new token and start afresh with it.
  window.addEventListener('hashchange', () => {
    if (!tokenInFragment(window.location.hash)) return;
    takeAccessToken(window);
    window.location.reload();
  });
  return createWsTransport(window.location, token, onStatus);
}
