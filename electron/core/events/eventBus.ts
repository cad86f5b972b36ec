import type { EventMap, EventName } from '../../../shared/api/events';

export type AnyEventListener = <E extends EventName>(event: E, payload: EventMap[E]) => void;

export type EventListener<E extends EventName> = (payload: EventMap[E]) => void;

/**
 * True when `event` is `wanted`; then `payload` is that event's payload, as `emit` only pairs an
 * event with its own payload type.
 */
const isEvent = <E extends EventName>(event: EventName, _payload: unknown, wanted: E): _payload is EventMap[E] =>
  event === wanted;

/** Core's pushes to whoever hosts it (IPC bridge, web host, tests). Synchronous, typed. */
export class EventBus {
  private readonly listeners = new Set<AnyEventListener>();

  emit<E extends EventName>(event: E, payload: EventMap[E]): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event, payload);
      } catch {
        // A failing transport must not break core or the other listeners.
      }
    }
  }

  /** Listen to one event, its payload typed; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: EventListener<E>): () => void {
    return this.onAny((name, payload) => {
      if (isEvent(name, payload, event)) listener(payload);
    });
  }

  /** Listen to every event (the bridges forward them all); returns the unsubscribe function. */
  onAny(listener: AnyEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }
}
