// Helpers for the FailoverTracker tests: recorded sentinel messages fed through the event log.
import type { FailoverRecord } from '../../../../shared/api/topology';
import { EventLog } from '../eventLog';
import type { FailoverTracker } from '../failoverTracker';
import type { PollView } from '../pollView';
import { parseSentinelEvent } from '../sentinelEvent';
import { parseRecorded } from './recordedEvents';

export function replay(lines: string[], tracker: FailoverTracker, log = new EventLog('w')): void {
  for (const line of lines) {
    const r = parseRecorded(line);
    const { event, isNew } = log.record(parseSentinelEvent(r.channel, r.message), r.sentinel, r.at);
    tracker.handle(event, isNew);
  }
}

export const poll = (p: Partial<PollView>): PollView => ({
  polledAt: 0,
  masterAddress: '127.0.0.1:6379',
  failoverInProgress: false,
  agreed: true,
  sDownCount: 0,
  failoverTimeoutMs: 5_000,
  ...p,
});

export const phasesOf = (r: FailoverRecord | undefined) => r?.phases.map((p) => p.phase);
