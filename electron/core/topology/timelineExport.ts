import type { TimelineExport, TopologyTimeline } from '../../../shared/api/topology';

/**
 * The timeline as pretty JSON (times also as ISO strings), with a file name that sorts by date.
 * Reasons stay codes and facts (`FailoverReason`, shared/api/topologyMessages.ts), as core has them.
 */
export function exportTimeline(timeline: TopologyTimeline, profileName: string, now = new Date()): TimelineExport {
  const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());
  const document = {
    format: 'redlens-topology-timeline',
    version: 1,
    exportedAt: now.toISOString(),
    profile: profileName,
    masterName: timeline.masterName,
    droppedEvents: timeline.droppedEvents,
    failovers: timeline.failovers.map((f) => ({
      ...f,
      startedAtIso: iso(f.startedAt),
      endedAtIso: iso(f.endedAt),
      phases: f.phases.map((p) => ({ ...p, atIso: iso(p.at) })),
    })),
    events: timeline.events.map((e) => ({ ...e, atIso: iso(e.at) })),
  };
  const safeName = timeline.masterName.replace(/[^\w.-]+/g, '_').slice(0, 60) || 'master';
  const stamp = now
    .toISOString()
    .replace(/[:.]/g, '-')
    .replace(/-\d{3}Z$/, 'Z');
  return { fileName: `redlens-timeline-${safeName}-${stamp}.json`, json: JSON.stringify(document, null, 2) };
}
