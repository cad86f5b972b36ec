import type { RedlensBridge } from '../../../shared/api/transport';
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
  return createWsTransport(window.location, onStatus);
}
