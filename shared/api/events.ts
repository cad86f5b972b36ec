import type { ApiError } from './errors';
import type { KeyJobStatus, ScanStatusEvent } from './keys';
import type { SessionStateEvent } from './sessions';
import type { Settings } from './settings';
import type { FailoverRecord, TopologyAlert, TopologyEvent, TopologySnapshot } from './topology';

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
  /** A session changed state (connecting, ready, reconnecting n, failed, closed) or db. */
  'session.state': SessionStateEvent;
  /** The app's settings changed (this window or another): apply them. */
  'settings.changed': { settings: Settings; at: number };
  /** The saved profiles changed (this window or another); reload the list. */
  'profiles.changed': { at: number };
  /** Scan progress of a session's key index (throttled), and "rows changed" hints. */
  'keys.scan': ScanStatusEvent;
  /** Progress of a key job (folder delete), throttled, plus a final one. */
  'keys.job': KeyJobStatus;
  /** A watched topology changed (whole snapshot; replace the one with the same watchId). */
  'topology.snapshot': { snapshot: TopologySnapshot; at: number };
  /** A sentinel event, de-duplicated across sentinels. */
  'topology.event': TopologyEvent;
  /** A failover record was created or changed (new phase, outcome); replace by `failover.id`. */
  'topology.failover': { watchId: string; failover: FailoverRecord; at: number };
  /** A banner to show (or to replace the one with the same `key`). */
  'topology.alert': TopologyAlert;
}

export type EventName = keyof EventMap;

export const EVENT_NAMES: readonly EventName[] = [
  'connection.state',
  'session.state',
  'settings.changed',
  'profiles.changed',
  'keys.scan',
  'keys.job',
  'topology.snapshot',
  'topology.event',
  'topology.failover',
  'topology.alert',
];
