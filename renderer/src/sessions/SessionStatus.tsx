import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../../shared/api/sessions';
import { useNav } from '../nav/navStore';
import { useProfiles } from '../profiles/profilesStore';
import { selectWatch, useTopology } from '../topology/topologyStore';
import { errorTitle } from '../ui/errorTitles';
import { noMasterText, RECOVERY_SHOWN_MS, recoveryLead } from './sessionRecovery';
import { useSessions } from './sessionsStore';

/** True while the session's last recovery is recent enough to be said. */
function useRecentRecovery(sessionId: string) {
  const recovery = useSessions((s) => s.recovered[sessionId]);
  const [now, setNow] = useState(() => Date.now());
  const until = recovery ? recovery.at + RECOVERY_SHOWN_MS : 0;
  useEffect(() => {
    const left = until - Date.now();
    if (left <= 0) return;
    const timer = setTimeout(() => setNow(Date.now()), left + 50);
    return () => clearTimeout(timer);
  }, [until]);
  return recovery && now < until ? recovery : undefined;
}

/**
 * The master the session follows, whether it browses the master or a replica of it, and
 * whether its sentinels said no failover can happen.
 */
function useMasterContext(session: SessionView) {
  const masterName = useProfiles((s) => {
    const profile = s.profiles.find((p) => p.id === session.profileId);
    return profile?.kind === 'sentinel' ? profile.masterName : undefined;
  });
  const role = useProfiles((s) => {
    const profile = s.profiles.find((p) => p.id === session.profileId);
    return profile?.kind === 'sentinel' ? profile.role : undefined;
  });
  const noFailover = useTopology((s) => selectWatch(s, session.id)?.failovers.at(-1)?.outcome === 'no-quorum');
  return { masterName, role, noFailover };
}

/**
 * Always-visible session state: connecting, connected at (and briefly "reconnected to the new
 * master" after a failover), reconnecting n, no master (writes blocked), failed (+ retry).
 */
export function SessionStatus({ session }: { session: SessionView }) {
  const open = useSessions((s) => s.open);
  const retrying = useSessions((s) => !!s.opening[session.profileId]);
  const go = useNav((s) => s.go);
  const recovery = useRecentRecovery(session.id);
  const { masterName, role, noFailover } = useMasterContext(session);
  const { t } = useTranslation();
  switch (session.state) {
    case 'connecting':
      return (
        <p className="status-line" role="status">
          <span className="spinner" aria-hidden="true" /> {t('session.connecting')}
        </p>
      );
    case 'ready':
      return (
        <p className={`status-line status-ok ${recovery ? 'status-recovered' : ''}`} role="status">
          {t(recovery ? recoveryLead(recovery, session.kind, role) : 'session.connectedTo')}{' '}
          <strong data-testid="session-address">{session.address}</strong>
          {session.readOnly && <span className="badge">{t('session.readOnly')}</span>}
        </p>
      );
    case 'reconnecting':
      if (session.noMaster) {
        return (
          <div className="banner banner-warning" role="alert" data-testid="session-no-master">
            {noMasterText(t, masterName, session.attempt ?? 1, noFailover)}
            {session.error && <p className="hint">{t('session.lastAnswer', { message: session.error.message })}</p>}
          </div>
        );
      }
      return (
        <p className="banner banner-warning" role="alert">
          {session.error
            ? t('session.lostWithError', { attempt: session.attempt ?? 1, message: session.error.message })
            : t('session.lostWaiting', { attempt: session.attempt ?? 1 })}
        </p>
      );
    case 'failed':
      return (
        <div className="banner banner-error" role="alert">
          <strong>{session.error ? errorTitle(session.error.code, t) : t('session.failed')}</strong>
          {session.error && t('session.failedBecause', { message: session.error.message })}{' '}
          {/* A retry replaces this session: the screen moves to it (SessionScreen follows). */}
          <button type="button" disabled={retrying} onClick={() => void open(session.profileId)}>
            {retrying ? t('session.retrying') : t('session.retry')}
          </button>{' '}
          {session.kind === 'sentinel' && (
            <button type="button" onClick={() => go({ kind: 'topology', profileId: session.profileId })}>
              {t('session.viewTopology')}
            </button>
          )}
        </div>
      );
    default:
      return <p className="status-line">{t('session.closed')}</p>;
  }
}
