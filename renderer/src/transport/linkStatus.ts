/** How the renderer reaches core: Electron IPC (always up) or the web host's WebSocket. */
export type LinkKind = 'ipc' | 'websocket';
/** `unauthorized`: the page has no access token, or the host refused it; no retry helps. */
export type LinkState = 'connecting' | 'open' | 'reconnecting' | 'unauthorized';

export interface LinkStatus {
  kind: LinkKind;
  state: LinkState;
  /** Reconnect attempts since the link was last open. */
  attempt: number;
  /** With `unauthorized`: no token at all (`missing`), or the host said it is wrong (`refused`). */
  token?: 'missing' | 'refused';
}
