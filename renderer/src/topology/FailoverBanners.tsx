import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { AlertSeverity, TopologyAlert } from '../../../shared/api/topology';
import { alertText } from './alertText';
import { groupBanners, SEVERITY_RANK, type BannerGroup } from './bannerGroups';
import { dateTime, shortClockTime } from './topologyFormat';
import { nextExpiry, visibleAlerts } from './topologyState';
import { selectWatch, useTopology } from './topologyStore';

/** Lines beyond this many hide behind "Show n more" so the session stays usable. */
const SHOWN = 3;

const SEVERITY_WORD: Record<AlertSeverity, string> = {
  error: 'Error',
  warning: 'Warning',
  success: 'Resolved',
  info: 'Info',
};
const SEVERITY_ICON: Record<AlertSeverity, string> = { error: '!', warning: '!', success: '✓', info: 'i' };

/** One banner of an expanded line (the head's text is the line itself). */
function Detail({ alert }: { alert: TopologyAlert }) {
  return (
    <li className={`topo-alert-detail topo-alert-${alert.severity}`} data-alert-kind={alert.kind}>
      <span className="topo-alert-icon" aria-hidden="true">
        {SEVERITY_ICON[alert.severity]}
      </span>
      <span className="visually-hidden">{SEVERITY_WORD[alert.severity]}: </span>
      <span className="topo-alert-detail-text">{alertText(alert.message)}</span>
      <time className="topo-alert-time" dateTime={new Date(alert.at).toISOString()} title={dateTime(alert.at)}>
        {shortClockTime(alert.at)}
      </time>
    </li>
  );
}

/**
 * One line per incident: its newest state, "+n" for the other banners of it, the time, and a
 * dismiss for all of them. Expanded, the line wraps and lists the others; a line whose text
 * does not fit can be expanded too, so nothing is only half said.
 */
function BannerLine({
  group,
  expanded,
  onToggle,
  onDismiss,
}: {
  group: BannerGroup;
  expanded: boolean;
  onToggle(): void;
  onDismiss(): void;
}) {
  const { head, rest } = group;
  const headText = alertText(head.message);
  const text = useRef<HTMLSpanElement>(null);
  const [cut, setCut] = useState(false);
  useLayoutEffect(() => {
    const el = text.current;
    if (!el || expanded) return;
    const measure = () => setCut(el.scrollWidth > el.clientWidth);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [expanded, headText]);
  const more = rest.length === 1 ? '1 more alert' : `${rest.length} more alerts`;
  // A hidden banner graver than the line's own (a node down under "New master") tints the "+n".
  const worse = rest.map((a) => a.severity).find((sev) => SEVERITY_RANK[sev] > SEVERITY_RANK[head.severity]);
  return (
    <div
      className={`topo-alert topo-alert-${head.severity}${expanded ? ' topo-alert-open' : ''}`}
      role="alert"
      data-alert-kind={head.kind}
    >
      <div className="topo-alert-line">
        <span className="topo-alert-icon" aria-hidden="true">
          {SEVERITY_ICON[head.severity]}
        </span>
        <span className="visually-hidden">{SEVERITY_WORD[head.severity]}: </span>
        <span ref={text} className="topo-alert-text" title={expanded ? undefined : headText}>
          {headText}
        </span>
        {(rest.length > 0 || cut || expanded) && (
          <button
            type="button"
            className={`topo-alert-more${worse && !expanded ? ` topo-alert-more-${worse}` : ''}`}
            aria-expanded={expanded}
            aria-label={
              rest.length > 0 ? `${expanded ? 'Hide' : 'Show'} ${more} of this incident` : expanded ? 'Less' : 'More'
            }
            title={rest.length > 0 ? `${more}${worse ? ` (${SEVERITY_WORD[worse].toLowerCase()})` : ''}` : undefined}
            onClick={onToggle}
          >
            {expanded ? 'Less' : rest.length > 0 ? `+${rest.length}` : 'More'}
          </button>
        )}
        <time className="topo-alert-time" dateTime={new Date(head.at).toISOString()} title={dateTime(head.at)}>
          {shortClockTime(head.at)}
        </time>
        <button
          type="button"
          className="icon-button"
          aria-label={`Dismiss: ${headText}${rest.length > 0 ? ` (and ${more})` : ''}`}
          onClick={onDismiss}
        >
          ×
        </button>
      </div>
      {expanded && rest.length > 0 && (
        <ul className="topo-alert-details" aria-label="More alerts of this incident">
          {rest.map((a) => (
            <Detail key={a.key} alert={a} />
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * The banners of a watched deployment (on top of every tab of a Sentinel session, or of a
 * profile's topology view): one line per incident, newest first (core replaces a banner in
 * place as a failover progresses), expandable for detail, dismissible.
 */
export function FailoverBanners({ ownerId }: { ownerId: string }) {
  const watch = useTopology((s) => selectWatch(s, ownerId));
  const dismiss = useTopology((s) => s.dismiss);
  const [now, setNow] = useState(() => Date.now());
  const [showAll, setShowAll] = useState(false);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());

  useEffect(() => {
    // Re-render when the next end-state banner (replica up again…) is due to leave.
    const due = nextExpiry(watch, Date.now());
    if (due === undefined) return;
    const timer = setTimeout(() => setNow(Date.now()), due - Date.now() + 50);
    return () => clearTimeout(timer);
  }, [watch, now]);

  // New alerts carry a receive time later than `now`: they count as fresh until the timer fires.
  const alerts = visibleAlerts(watch, now);
  if (alerts.length === 0) return null;
  const groups = groupBanners(alerts, watch?.failovers ?? []);
  const shown = showAll ? groups : groups.slice(0, SHOWN);
  const hidden = groups.length - shown.length;
  const toggle = (key: string) =>
    setOpen((keys) => {
      const next = new Set(keys);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const ids = (g: BannerGroup) => [g.head.id, ...g.rest.map((a) => a.id)];
  return (
    <section className="topo-alerts" aria-label="Sentinel alerts">
      {shown.map((g) => (
        <BannerLine
          key={g.key}
          group={g}
          expanded={open.has(g.key)}
          onToggle={() => toggle(g.key)}
          onDismiss={() => dismiss(ownerId, ids(g))}
        />
      ))}
      {(groups.length > 1 || hidden > 0) && (
        <div className="topo-alerts-foot">
          {hidden > 0 && (
            <button type="button" className="link-button" onClick={() => setShowAll(true)}>
              Show {hidden} more
            </button>
          )}
          {showAll && groups.length > SHOWN && (
            <button type="button" className="link-button" onClick={() => setShowAll(false)}>
              Show fewer
            </button>
          )}
          {groups.length > 1 && (
            <button
              type="button"
              className="link-button"
              onClick={() =>
                dismiss(
                  ownerId,
                  alerts.map((a) => a.id),
                )
              }
            >
              Dismiss all
            </button>
          )}
        </div>
      )}
    </section>
  );
}
