import type { FailoverRecord, TopologyEvent } from '../../../shared/api/topology';
import { failoverReasonText } from './failoverReasonText';
import { describeEvent, eventTone, failoverTitle, OUTCOME_LABELS, PHASE_LABELS } from './timelineModel';
import { clockTime, dateTime, formatMs } from './topologyFormat';

function Time({ at }: { at: number }) {
  return (
    <time className="tl-time" dateTime={new Date(at).toISOString()} title={dateTime(at)}>
      {clockTime(at)}
    </time>
  );
}

export function EventRow({ event, grouped }: { event: TopologyEvent; grouped: boolean }) {
  const n = event.reportedBy.length;
  return (
    <div className={`tl-event${grouped ? ' tl-event-grouped' : ''}`} title={`${event.channel} ${event.message}`}>
      <Time at={event.at} />
      <span className={`tl-marker tone-${eventTone(event)}`} aria-hidden="true" />
      <code className="tl-channel">{event.channel}</code>
      <span className="tl-text">{describeEvent(event)}</span>
      <span className="tl-reporters" title={`Reported by ${event.reportedBy.join(', ')}`}>
        {n === 1 ? '1 sentinel' : `${n} sentinels`}
      </span>
    </div>
  );
}

/** Proportional bar of the phases (the list next to it says the same in words). */
function PhaseBar({ failover }: { failover: FailoverRecord }) {
  const marks = failover.phases.slice(1);
  const total = marks.reduce((n, p) => n + p.sincePreviousMs, 0);
  if (total <= 0) return null;
  return (
    <div className="tl-phasebar" aria-hidden="true">
      {marks.map((p) => (
        <span
          key={p.phase}
          className={`tl-seg tl-seg-${p.phase}`}
          style={{ flexGrow: Math.max(p.sincePreviousMs, total / 100) }}
          title={`${PHASE_LABELS[p.phase]}: +${formatMs(p.sincePreviousMs)}`}
        />
      ))}
    </div>
  );
}

const outcomeTone = (f: FailoverRecord) =>
  ({ completed: 'ok', recovered: 'ok', 'in-progress': 'warn', aborted: 'down', timeout: 'down', 'no-quorum': 'down' })[
    f.outcome
  ];

interface GroupProps {
  failover: FailoverRecord;
  expanded: boolean;
  eventCount: number;
  onToggle(): void;
}

/** One incident: what, outcome, from → to, how long, and each phase with its duration. */
export function FailoverGroup({ failover: f, expanded, eventCount, onToggle }: GroupProps) {
  const title = failoverTitle(f);
  const route = f.to ? `${f.from} → ${f.to}` : f.from;
  return (
    <div className={`tl-group tone-${outcomeTone(f)}`} data-failover={f.id}>
      <div className="tl-group-head">
        <button type="button" className="tl-toggle" aria-expanded={expanded} onClick={onToggle}>
          <span className="twisty" aria-hidden="true">
            {expanded ? '▾' : '▸'}
          </span>
          <strong>{title}</strong>
          <span className="tl-outcome">{OUTCOME_LABELS[f.outcome]}</span>
          <span className="tl-route">{route}</span>
          {f.durationMs !== undefined && <span className="tl-took">took {formatMs(f.durationMs)}</span>}
          {f.writesBlockedMs !== undefined && Math.round(f.writesBlockedMs) > 0 && (
            <span className="tl-took">writes blocked {formatMs(f.writesBlockedMs)}</span>
          )}
          <span className="visually-hidden">, {eventCount} events</span>
        </button>
        <Time at={f.startedAt} />
      </div>
      {f.reason && <p className="tl-reason">{failoverReasonText(f.reason)}</p>}
      {f.attempts?.map((a) => (
        <p key={a.at} className="tl-reason">
          Attempt at {clockTime(a.at)}
          {a.epoch === undefined ? '' : ` (epoch ${a.epoch})`} given up:{' '}
          {a.reason ? failoverReasonText(a.reason) : 'aborted'}; Sentinel tried again.
        </p>
      ))}
      <PhaseBar failover={f} />
      <ol className="tl-phases" aria-label={`Phases of the ${title.toLowerCase()}`}>
        {f.phases.map((p, i) => (
          <li key={p.phase} className={`tl-phase tl-phase-${p.phase}`}>
            <span className="tl-phase-name">{PHASE_LABELS[p.phase]}</span>
            <span className="tl-phase-delta">{i === 0 ? clockTime(p.at) : `+${formatMs(p.sincePreviousMs)}`}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
