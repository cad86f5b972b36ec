import {
  TIMELINE_LIMITS,
  type FailoverPhase,
  type FailoverRecord,
  type TopologyEvent,
} from '../../../shared/api/topology';
import { incidentOwner } from './incidentOwner';

const MAX_EVENT_IDS = 500;

const FINISHED = new Set(['completed', 'aborted', 'timeout', 'recovered']);

export const hasPhase = (record: FailoverRecord, phase: FailoverPhase): boolean =>
  record.phases.some((p) => p.phase === phase);

/**
 * The incidents of one master (the last `TIMELINE_LIMITS.failovers`) and the one unfolding now:
 * starting one, timing its phases, changing and closing it. Every change is reported.
 */
export class IncidentRecords {
  readonly #masterName: string;
  readonly #onChange: (record: FailoverRecord) => void;
  #records: FailoverRecord[] = [];
  /** The incident still unfolding (until its end phase, or until the next one starts). */
  #open: FailoverRecord | undefined;
  #seq = 0;

  constructor(masterName: string, onChange: (record: FailoverRecord) => void) {
    this.#masterName = masterName;
    this.#onChange = onChange;
  }

  get all(): readonly FailoverRecord[] {
    return this.#records;
  }

  get open(): FailoverRecord | undefined {
    return this.#open;
  }

  get last(): FailoverRecord | undefined {
    return this.#records.at(-1);
  }

  /** The latest incident that switched the master. */
  get lastSwitch(): FailoverRecord | undefined {
    return this.#records.findLast((r) => r.to !== undefined);
  }

  /** An incident is open and has not reached an outcome yet. */
  isOngoing(): boolean {
    return !!this.#open && !FINISHED.has(this.#open.outcome);
  }

  /** Closes the open incident, if any, and opens a new one at `phase`. */
  start(phase: FailoverPhase, from: string, at: number, manual: boolean, epoch?: number): void {
    if (this.#open) this.close(at);
    const record: FailoverRecord = {
      id: `f${++this.#seq}-${at}`,
      masterName: this.#masterName,
      manual,
      from,
      phases: [{ phase, at, sincePreviousMs: 0 }],
      outcome: 'in-progress',
      startedAt: at,
      eventIds: [],
      ...(epoch !== undefined && { epoch }),
    };
    this.#records.push(record);
    if (this.#records.length > TIMELINE_LIMITS.failovers) this.#records.shift();
    this.#open = record;
    this.#onChange(record);
  }

  /** Makes a recorded incident the open one again (its outcome is reset by the caller). */
  reopen(record: FailoverRecord): void {
    this.#open = record;
  }

  /** Adds a phase (once) to the ongoing incident, timed from the previous one; false when there is none. */
  mark(phase: FailoverPhase, at: number): boolean {
    const open = this.#open;
    if (!open || open.endedAt !== undefined || hasPhase(open, phase)) return false;
    const previous = open.phases.at(-1)?.at ?? open.startedAt;
    open.phases = [...open.phases, { phase, at, sincePreviousMs: Math.max(0, at - previous) }];
    this.#onChange(open);
    return true;
  }

  /** Changes the open incident (`reason: undefined` removes the reason). */
  update(change: Partial<FailoverRecord>): void {
    const open = this.#open;
    if (!open) return;
    Object.assign(open, change);
    if (change.reason === undefined && 'reason' in change) delete open.reason;
    this.#onChange(open);
  }

  /** Ends the open incident: one still in progress (or without quorum) then timed out. */
  close(at: number): void {
    const open = this.#open;
    if (!open) return;
    this.#open = undefined;
    if (open.endedAt === undefined) {
      open.endedAt = at;
      if (open.outcome === 'in-progress' || open.outcome === 'no-quorum') open.outcome = 'timeout';
      this.#onChange(open);
    }
  }

  /** Reports a change made to a record in place. */
  changed(record: FailoverRecord): void {
    this.#onChange(record);
  }

  /** Adds the event to its incident (`known`, else see incidentOwner); returns that incident's id. */
  attach(event: TopologyEvent, known?: FailoverRecord): string | undefined {
    const owner = known ?? incidentOwner(event, this.#open, this.#records);
    if (!owner) return undefined;
    if (!owner.eventIds.includes(event.id) && owner.eventIds.length < MAX_EVENT_IDS) owner.eventIds.push(event.id);
    return owner.id;
  }

  /**
   * A data session could not write from `lostAt` until `resumedAt`: the incident it overlaps
   * (the latest one started before the session was back) keeps the longest such pause.
   */
  writesBlocked(lostAt: number, resumedAt: number): void {
    const record = this.#records.findLast((r) => r.startedAt <= resumedAt);
    if (!record || (record.endedAt !== undefined && lostAt > record.endedAt)) return;
    const pause = Math.max(0, resumedAt - lostAt);
    if (record.writesBlockedMs !== undefined && record.writesBlockedMs >= pause) return;
    record.writesBlockedMs = pause;
    this.#onChange(record);
  }
}
