import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { downloadFile } from '../ui/downloadFile';
import type { WatchState } from './topologyState';
import { timelineRows } from './timelineModel';
import { EventRow, FailoverGroup } from './TimelineRowView';
import { useTopology } from './topologyStore';

const NO_EXPANDED: Record<string, boolean> = {};

/**
 * Every sentinel event with its time, grouped per failover (newest first) with the phase
 * durations; virtualized (up to 2,000 events), exportable as JSON.
 */
export function FailoverTimeline({ ownerId, watch }: { ownerId: string; watch: WatchState }) {
  const expanded = useTopology((s) => s.ui[ownerId]?.expanded ?? NO_EXPANDED);
  const setUi = useTopology((s) => s.setUi);
  const exportTimeline = useTopology((s) => s.exportTimeline);
  const [exportError, setExportError] = useState<string>();
  const scroller = useRef<HTMLDivElement>(null);
  const rows = useMemo(
    () => timelineRows(watch.failovers, watch.events, expanded, watch.droppedEvents),
    [watch.failovers, watch.events, expanded, watch.droppedEvents],
  );
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => (rows[i]?.kind === 'failover' ? 96 : 30),
    getItemKey: (i) => rows[i]?.key ?? i,
    overscan: 10,
  });

  const onExport = async () => {
    setExportError(undefined);
    const result = await exportTimeline(ownerId);
    if (result.ok) downloadFile(result.value.fileName, result.value.json);
    else setExportError(result.error.message);
  };

  const failovers = watch.failovers.length;
  const events = watch.events.length;
  return (
    <section className="timeline" aria-labelledby={`timeline-${ownerId}`}>
      <div className="timeline-head">
        <h2 id={`timeline-${ownerId}`}>Timeline</h2>
        <span className="hint">
          {failovers} {failovers === 1 ? 'incident' : 'incidents'} · {events} {events === 1 ? 'event' : 'events'}
        </span>
        <button type="button" onClick={() => void onExport()} disabled={events === 0 && failovers === 0}>
          Export JSON
        </button>
      </div>
      {exportError && (
        <p className="field-error notice" role="alert">
          Export failed: {exportError}
        </p>
      )}
      {rows.length === 0 ? (
        <p className="empty-state">
          No Sentinel events since Redlens started watching. Failovers and outages show up here.
        </p>
      ) : (
        <div ref={scroller} className="timeline-scroll">
          <div
            role="list"
            aria-label="Timeline"
            className="timeline-list"
            style={{ height: virtualizer.getTotalSize() }}
          >
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index]!;
              return (
                <div
                  key={item.key}
                  role="listitem"
                  aria-setsize={rows.length}
                  aria-posinset={item.index + 1}
                  data-index={item.index}
                  ref={virtualizer.measureElement}
                  className="timeline-item"
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  {row.kind === 'failover' && (
                    <FailoverGroup
                      failover={row.failover}
                      expanded={row.expanded}
                      eventCount={row.eventCount}
                      onToggle={() => setUi(ownerId, { expanded: { ...expanded, [row.failover.id]: !row.expanded } })}
                    />
                  )}
                  {row.kind === 'event' && <EventRow event={row.event} grouped={row.grouped} />}
                  {row.kind === 'dropped' && (
                    <p className="hint tl-dropped">{row.count.toLocaleString('en-US')} older events were dropped.</p>
                  )}
                </div>
              );
            })}
          </div>
        </div>
      )}
    </section>
  );
}
