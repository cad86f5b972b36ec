import type { TopologySnapshot } from '../../../shared/api/topology';
import type { EventBus } from '../events/eventBus';

/**
 * Pushes a watch's snapshot when its content changed, with the next revision: a renderer that
 * gets an older revision later knows it is stale.
 */
export class SnapshotEmitter {
  readonly #events: EventBus;
  #revision = 0;
  #updatedAt = Date.now();
  #lastSent = '';

  constructor(events: EventBus) {
    this.#events = events;
  }

  /** The current revision and when it changed, for a snapshot taken now. */
  get stamp(): Pick<TopologySnapshot, 'revision' | 'updatedAt'> {
    return { revision: this.#revision, updatedAt: this.#updatedAt };
  }

  /** `snapshot` builds the snapshot with the given stamp; it is pushed only if its content changed. */
  emit(snapshot: () => TopologySnapshot): void {
    const { revision: _r, updatedAt: _u, ...content } = snapshot();
    const text = JSON.stringify(content);
    if (text === this.#lastSent) return;
    this.#lastSent = text;
    this.#revision += 1;
    this.#updatedAt = Date.now();
    this.#events.emit('topology.snapshot', { snapshot: snapshot(), at: this.#updatedAt });
  }
}
