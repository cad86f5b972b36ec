import { useTranslation } from 'react-i18next';
import { useNav } from '../nav/navStore';
import { titledError } from '../ui/errorTitles';
import { isSandboxDown, useSandbox } from '../sandbox/sandboxStore';
import { useSessions } from '../sessions/sessionsStore';
import { ImportExport } from '../profiles/ImportExport';
import { profileAddress, useProfiles } from '../profiles/profilesStore';
import { SandboxButton } from '../sandbox/SandboxButton';
import { storageNoticeText } from '../profiles/storageNoticeText';

/** First-run welcome when there are no profiles; otherwise the saved connections at a glance. */
export function HomeScreen() {
  const status = useProfiles((s) => s.status);
  const profiles = useProfiles((s) => s.profiles);
  const notices = useProfiles((s) => s.notices);
  const loadError = useProfiles((s) => s.loadError);
  const go = useNav((s) => s.go);
  const open = useSessions((s) => s.open);
  const openErrors = useSessions((s) => s.openErrors);
  const opening = useSessions((s) => s.opening);
  const { t } = useTranslation();

  const connect = async (profileId: string) => {
    if (isSandboxDown(useSandbox.getState(), profileId)) return go({ kind: 'sandbox', profileId });
    const sessionId = await open(profileId);
    if (sessionId) go({ kind: 'session', sessionId });
  };

  return (
    <section className="panel" aria-labelledby="home-title">
      {notices.map((n, i) => (
        <p key={i} className={n.level === 'error' ? 'banner banner-error' : 'banner banner-warning'} role="alert">
          {storageNoticeText(n)}
        </p>
      ))}
      {status === 'error' && (
        <p className="banner banner-error" role="alert">
          {t('home.loadFailed', { message: loadError?.message ?? '' })}
        </p>
      )}
      {status === 'loading' ? (
        <p className="status-line" role="status">
          <span className="spinner" aria-hidden="true" /> {t('home.loading')}
        </p>
      ) : profiles.length === 0 ? (
        <div className="welcome">
          <h1 id="home-title">{t('home.welcome')}</h1>
          <p className="panel-sub">{t('home.welcomeSub')}</p>
          <div className="welcome-actions">
            <button type="button" className="primary" onClick={() => go({ kind: 'edit' })}>
              {t('home.newConnection')}
            </button>
            <button type="button" onClick={() => go({ kind: 'edit' })}>
              {t('home.pasteUrl')}
            </button>
            <SandboxButton />
            <button type="button" onClick={() => go({ kind: 'quick' })}>
              {t('app.quickConnect')}
            </button>
          </div>
          <ImportExport />
        </div>
      ) : (
        <>
          <header className="panel-header panel-header-row">
            <h1 id="home-title">{t('app.connections')}</h1>
            <button type="button" className="primary" onClick={() => go({ kind: 'edit' })}>
              {t('home.newConnection')}
            </button>
          </header>
          <ul className="profile-cards" aria-label={t('home.savedConnections')}>
            {profiles.map((p) => (
              <li key={p.id} className={`profile-card color-${p.color}`}>
                <div>
                  <span className="card-name">{p.name}</span>
                  <span className="card-kind">
                    {p.kind === 'sentinel'
                      ? t('home.kindSentinel', { role: t(`home.roles.${p.role}`) })
                      : t('home.kindStandalone')}
                  </span>
                  {p.readOnly && <span className="badge">{t('session.readOnly')}</span>}
                  <div className="card-address">{profileAddress(p)}</div>
                  {openErrors[p.id] && (
                    <p className="field-error" role="alert">
                      {titledError(openErrors[p.id]!, t)}{' '}
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => go({ kind: 'edit', profileId: p.id })}
                      >
                        {t('home.editConnection')}
                      </button>
                      {p.kind === 'sentinel' && (
                        <>
                          {' · '}
                          <button
                            type="button"
                            className="link-button"
                            aria-label={t('home.viewTopologyOf', { name: p.name })}
                            onClick={() => go({ kind: 'topology', profileId: p.id })}
                          >
                            {t('session.viewTopology')}
                          </button>
                        </>
                      )}
                    </p>
                  )}
                </div>
                <button
                  type="button"
                  onClick={() => void connect(p.id)}
                  aria-label={t('home.connectTo', { name: p.name })}
                  disabled={opening[p.id]}
                >
                  {opening[p.id] ? t('session.connecting') : openErrors[p.id] ? t('session.retry') : t('home.connect')}
                </button>
              </li>
            ))}
          </ul>
          <ImportExport />
        </>
      )}
    </section>
  );
}
