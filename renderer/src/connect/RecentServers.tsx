import { useTranslation } from 'react-i18next';
import { useQuickConnect } from './quickConnectStore';

/** Servers reached with quick connect in this session; a click fills the form again. */
export function RecentServers() {
  const recent = useQuickConnect((s) => s.recent);
  const fillFrom = useQuickConnect((s) => s.fillFrom);
  const { t } = useTranslation();
  if (recent.length === 0) return null;
  return (
    <section aria-labelledby="recent-heading">
      <h2 className="side-heading" id="recent-heading">
        {t('connect.recent')}
      </h2>
      <ul className="recent" aria-labelledby="recent-heading">
        {recent.map((r) => (
          <li key={`${r.username}@${r.host}:${r.port}`}>
            <button type="button" onClick={() => fillFrom(r)} title={t('connect.recentFill')}>
              <span className="recent-addr">
                {r.username ? `${r.username}@` : ''}
                {r.host}:{r.port}
              </span>
              <span className="recent-meta">
                {r.version} · {r.role}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
