/** How the renderer reaches core: Electron IPC (always up) or the web host's WebSocket. */
export type LinkKind = 'ipc' | 'websocket';
export type LinkState = 'connecting' | 'open' | 'reconnecting';

export interface LinkStatus {
  kind: LinkKind;
  state: LinkState;
  /** Reconnect attempts since the link was last open. */
  attempt: number;
}
