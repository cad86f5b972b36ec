import { describe, expect, it } from 'vitest';
import { DEDUP_WINDOW_MS, EventLog } from './eventLog';
import { parseSentinelEvent } from './sentinelEvent';

const sdown = parseSentinelEvent('+sdown', 'master m 127.0.0.1 6379');

describe('EventLog', () => {
  it('merges the same event from several sentinels into one, listing who reported it', () => {
    const log = new EventLog('w');
    const first = log.record(sdown, 's1', 1000);
    const second = log.record(parseSentinelEvent('+sdown', 'master m 127.0.0.1 6379'), 's2', 1100);
    expect(first.isNew).toBe(true);
    expect(second).toMatchObject({ isNew: false, event: { id: first.event.id, reportedBy: ['s1', 's2'] } });
    expect(log.events).toHaveLength(1);
  });

  it('logs a repeat from the same sentinel, or one after the window, as a new event', () => {
    const log = new EventLog('w');
    log.record(sdown, 's1', 1000);
    expect(log.record(sdown, 's1', 1200).isNew).toBe(true);
    expect(log.record(sdown, 's2', 1200 + DEDUP_WINDOW_MS + 1).isNew).toBe(true);
    expect(log.events).toHaveLength(3);
  });

  it('keeps only the last N events and counts the dropped ones', () => {
    const log = new EventLog('w', 3);
    for (let i = 0; i < 5; i++) log.record(parseSentinelEvent('+new-epoch', String(i)), 's1', i);
    expect(log.events.map((e) => e.epoch)).toEqual([2, 3, 4]);
    expect(log.dropped).toBe(2);
  });
});
