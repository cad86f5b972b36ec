import { useNav } from '../nav/navStore';
import { StateDot } from '../ui/StateDot';
import { useTranslation } from 'react-i18next';
import { sessionLabel } from '../sessions/sessionLabel';
import { CloseSessionButton } from './CloseSessionButton';
import { useSessions } from '../sessions/sessionsStore';
import { useProfiles } from '../profiles/profilesStore';

/** One tab per open session; closing a tab closes its connections (asking first if edits would be lost). */
export function SessionTabs() {
  const order = useSessions((s) => s.order);
  const sessions = useSessions((s) => s.sessions);
  const screen = useNav((s) => s.screen);
  const go = useNav((s) => s.go);
  const savedFromQuick = useProfiles((s) => s.savedFromQuick);
  const { t } = useTranslation();
  if (order.length === 0) return null;
  const activeId = screen.kind === 'session' ? screen.sessionId : undefined;
  return (
    <div className="tabs" role="tablist" aria-label={t('app.openSessions')}>
      {order.map((id) => {
        const s = sessions[id];
        if (!s) return null;
        return (
          <div key={id} className={`tab ${id === activeId ? 'tab-active' : ''} ${s.quick ? 'tab-quick' : ''}`}>
            <button
              type="button"
              role="tab"
              aria-selected={id === activeId}
              onClick={() => go({ kind: 'session', sessionId: id })}
            >
              <StateDot state={s.state} /> {sessionLabel(s, !!savedFromQuick[s.profileId], t)}
              {s.db !== 0 && <span className="tab-db">{t('app.dbTag', { db: s.db })}</span>}
            </button>
            <CloseSessionButton session={s} active={id === activeId} />
          </div>
        );
      })}
    </div>
  );
}
