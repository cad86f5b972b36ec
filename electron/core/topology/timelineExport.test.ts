import { describe, expect, it } from 'vitest';
import { exportTimeline } from './timelineExport';

describe('exportTimeline', () => {
  it('writes the failovers and events as JSON with ISO times, under a dated file name', () => {
    const exported = exportTimeline(
      {
        watchId: 'w',
        masterName: 'my master/1',
        droppedEvents: 3,
        events: [
          { id: 'e1', watchId: 'w', channel: '+sdown', type: '+sdown', message: 'm', reportedBy: ['s:1'], at: 0 },
        ],
        failovers: [
          {
            id: 'f1',
            masterName: 'my master/1',
            manual: false,
            from: 'a:1',
            to: 'b:2',
            phases: [{ phase: 'sdown', at: 0, sincePreviousMs: 0 }],
            outcome: 'completed',
            startedAt: 0,
            durationMs: 1500,
            eventIds: ['e1'],
          },
        ],
      },
      'Prod',
      new Date('2024-05-01T10:00:00.123Z'),
    );
    expect(exported.fileName).toBe('redlens-timeline-my_master_1-2024-05-01T10-00-00Z.json');
    const doc = JSON.parse(exported.json);
    expect(doc).toMatchObject({ format: 'redlens-topology-timeline', version: 1, profile: 'Prod', droppedEvents: 3 });
    expect(doc.failovers[0]).toMatchObject({
      to: 'b:2',
      startedAtIso: '1970-01-01T00:00:00.000Z',
      phases: [{ atIso: '1970-01-01T00:00:00.000Z' }],
    });
    expect(doc.events[0]).toMatchObject({ channel: '+sdown', atIso: '1970-01-01T00:00:00.000Z' });
  });
});
