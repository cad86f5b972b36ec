import { TIMELINE_LIMITS, type TopologyEvent } from '../../../shared/api/topology';
import { dedupKey, type ParsedSentinelEvent } from './sentinelEvent';

/**
 * How long after the first report another sentinel's identical message counts as the same
 * event. Followers publish `+switch-master` ~1 s before the leader does; 5 s covers that.
 */
export const DEDUP_WINDOW_MS = 5_000;

export interface Recorded {
  event: TopologyEvent;
  /** False when the message only added a reporter to an event already logged. */
  isNew: boolean;
}

/**
 * The watcher's event log: de-duplicates the same event published by several sentinels (same
 * channel and message, within the window, from a sentinel that has not reported it yet — a
 * sentinel repeating itself is a new event, e.g. a flapping node) and keeps only the last
 * `TIMELINE_LIMITS.events`.
 */
export class EventLog {
  readonly #watchId: string;
  readonly #limit: number;
  #events: TopologyEvent[] = [];
  #recent = new Map<string, TopologyEvent>();
  #dropped = 0;
  #seq = 0;

  constructor(watchId: string, limit: number = TIMELINE_LIMITS.events) {
    this.#watchId = watchId;
    this.#limit = limit;
  }

  record(parsed: ParsedSentinelEvent, reporter: string, now: number): Recorded {
    const key = dedupKey(parsed);
    const seen = this.#recent.get(key);
    if (seen && now - seen.at <= DEDUP_WINDOW_MS && !seen.reportedBy.includes(reporter)) {
      seen.reportedBy = [...seen.reportedBy, reporter];
      return { event: seen, isNew: false };
    }
    const event: TopologyEvent = {
      id: `e${++this.#seq}`,
      watchId: this.#watchId,
      channel: parsed.channel,
      message: parsed.message,
      type: parsed.channel,
      ...(parsed.instance && { instance: parsed.instance }),
      ...(parsed.master && { master: parsed.master }),
      ...(parsed.switch && { switch: parsed.switch }),
      ...(parsed.epoch !== undefined && { epoch: parsed.epoch }),
      ...(parsed.leaderRunId && { leaderRunId: parsed.leaderRunId }),
      reportedBy: [reporter],
      at: now,
    };
    this.#recent.set(key, event);
    this.#events.push(event);
    this.#trim(now);
    return { event, isNew: true };
  }

  get events(): readonly TopologyEvent[] {
    return this.#events;
  }

  get dropped(): number {
    return this.#dropped;
  }

  #trim(now: number): void {
    const excess = this.#events.length - this.#limit;
    if (excess > 0) {
      this.#events.splice(0, excess);
      this.#dropped += excess;
    }
    for (const [key, event] of this.#recent) if (now - event.at > DEDUP_WINDOW_MS) this.#recent.delete(key);
  }
}
