import { useEffect, useState } from 'react';
import type { AlertSeverity, TopologyAlert } from '../../../shared/api/topology';
import { dateTime, shortClockTime } from './topologyFormat';
import { nextExpiry, visibleAlerts } from './topologyState';
import { selectWatch, useTopology } from './topologyStore';

/** Banners beyond this many hide behind "Show n more" so the session stays usable. */
const SHOWN = 3;

const SEVERITY_WORD: Record<AlertSeverity, string> = {
  error: 'Error',
  warning: 'Warning',
  success: 'Resolved',
  info: 'Info',
};
const SEVERITY_ICON: Record<AlertSeverity, string> = { error: '!', warning: '!', success: '✓', info: 'i' };

function Banner({ alert, onDismiss }: { alert: TopologyAlert; onDismiss(): void }) {
  return (
    <div className={`topo-alert topo-alert-${alert.severity}`} role="alert" data-alert-kind={alert.kind}>
      <span className="topo-alert-icon" aria-hidden="true">
        {SEVERITY_ICON[alert.severity]}
      </span>
      <span className="visually-hidden">{SEVERITY_WORD[alert.severity]}: </span>
      <span className="topo-alert-text">{alert.text}</span>
      <time className="topo-alert-time" dateTime={new Date(alert.at).toISOString()} title={dateTime(alert.at)}>
        {shortClockTime(alert.at)}
      </time>
      <button type="button" className="icon-button" aria-label={`Dismiss: ${alert.text}`} onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}

/**
 * The failover banners of a watched deployment (on top of every tab of a Sentinel session, or
 * of a profile's topology view): newest first, one per subject (core replaces a banner in
 * place as a failover progresses), dismissible.
 */
export function FailoverBanners({ ownerId }: { ownerId: string }) {
  const watch = useTopology((s) => selectWatch(s, ownerId));
  const dismiss = useTopology((s) => s.dismiss);
  const [now, setNow] = useState(() => Date.now());
  const [expanded, setExpanded] = useState(false);

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
  const shown = expanded ? alerts : alerts.slice(0, SHOWN);
  const hidden = alerts.length - shown.length;
  return (
    <section className="topo-alerts" aria-label="Sentinel alerts">
      {shown.map((a) => (
        <Banner key={a.key} alert={a} onDismiss={() => dismiss(ownerId, [a.id])} />
      ))}
      {(alerts.length > 1 || hidden > 0) && (
        <div className="topo-alerts-foot">
          {hidden > 0 && (
            <button type="button" className="link-button" onClick={() => setExpanded(true)}>
              Show {hidden} more
            </button>
          )}
          {expanded && alerts.length > SHOWN && (
            <button type="button" className="link-button" onClick={() => setExpanded(false)}>
              Show fewer
            </button>
          )}
          {alerts.length > 1 && (
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
