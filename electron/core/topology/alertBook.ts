import { TIMELINE_LIMITS, type TopologyAlert, type TopologyAlertMessage } from '../../../shared/api/topology';

/** An alert before it gets its id, time and watch. */
export type AlertDraft = Omit<TopologyAlert, 'id' | 'watchId' | 'at' | 'masterName'>;

const sameMessage = (a: TopologyAlertMessage, b: TopologyAlertMessage): boolean =>
  JSON.stringify(a) === JSON.stringify(b);

/**
 * The banners of one watch: the latest alert per `key`, newest last, bounded. Raising the
 * same message again is a no-op, so rules can re-derive alerts freely.
 */
export class AlertBook {
  readonly #watchId: string;
  readonly #masterName: string;
  readonly #emit: (alert: TopologyAlert) => void;
  #byKey = new Map<string, TopologyAlert>();
  #seq = 0;

  constructor(watchId: string, masterName: string, emit: (alert: TopologyAlert) => void) {
    this.#watchId = watchId;
    this.#masterName = masterName;
    this.#emit = emit;
  }

  /** `onlyOnKindChange`: a rule that only knows up/down must not overwrite a richer message. */
  raise(draft: AlertDraft, at: number, opts: { onlyOnKindChange?: boolean } = {}): void {
    const latest = this.#byKey.get(draft.key);
    if (latest && latest.kind === draft.kind && (opts.onlyOnKindChange || sameMessage(latest.message, draft.message)))
      return;
    const alert: TopologyAlert = {
      ...draft,
      id: `a${++this.#seq}`,
      watchId: this.#watchId,
      masterName: this.#masterName,
      at,
    };
    // Re-insert so the map's order stays "latest change last".
    this.#byKey.delete(draft.key);
    this.#byKey.set(draft.key, alert);
    while (this.#byKey.size > TIMELINE_LIMITS.alerts) this.#byKey.delete(this.#byKey.keys().next().value!);
    this.#emit(alert);
  }

  latest(key: string): TopologyAlert | undefined {
    return this.#byKey.get(key);
  }

  list(): TopologyAlert[] {
    return [...this.#byKey.values()];
  }
}
