import type { ApiError } from './errors';

/** State of a connection core opened, as it changes. */
export interface ConnectionStateEvent {
  /** `host:port` of the server. */
  target: string;
  state: 'connecting' | 'ready' | 'failed' | 'closed';
  error?: ApiError;
  /** Milliseconds since the epoch, core's clock. */
  at: number;
}

/** Every event core pushes to the UI, by name. */
export interface EventMap {
  'connection.state': ConnectionStateEvent;
}

export type EventName = keyof EventMap;

export const EVENT_NAMES: readonly EventName[] = ['connection.state'];
