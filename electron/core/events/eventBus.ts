import type { EventMap, EventName } from '../../../shared/api/events';

export type AnyEventListener = <E extends EventName>(event: E, payload: EventMap[E]) => void;

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

  /** Listen to every event; returns the unsubscribe function. */
  onAny(listener: AnyEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }
}
