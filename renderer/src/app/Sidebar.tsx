import { useTranslation } from 'react-i18next';
import { useNav } from '../nav/navStore';
import { ProfileList } from './ProfileList';
import { linkProblem, useAppStore } from './appStore';

/** Brand, version, the link to core, and the saved connections. */
export function Sidebar() {
  const version = useAppStore((s) => s.version);
  const link = useAppStore((s) => s.link);
  const go = useNav((s) => s.go);
  const screen = useNav((s) => s.screen);
  const problem = linkProblem(link);
  const { t } = useTranslation();

  return (
    <nav className="sidebar" aria-label="Redlens">
      <button type="button" className="brand" onClick={() => go({ kind: 'home' })} aria-label={t('app.home')}>
        <span className="logo" aria-hidden="true">
          ◆
        </span>
        <span className="name">Redlens</span>
        <span className="version" data-testid="app-version">
          {version ? `v${version.version}` : ''}
        </span>
      </button>
      <p className={`link-state ${problem ? 'link-bad' : 'link-ok'}`} role="status">
        {problem ?? (link.kind === 'ipc' ? t('app.linkDesktop') : t('app.linkWebHost', { host: window.location.host }))}
      </p>
      <div className="side-heading-row">
        <h2 className="side-heading">{t('app.connections')}</h2>
        <button
          type="button"
          className="icon-button"
          aria-label={t('app.newConnection')}
          title={t('app.newConnection')}
          onClick={() => go({ kind: 'edit' })}
        >
          +
        </button>
      </div>
      <ProfileList />
      <div className="side-footer">
        <button
          type="button"
          className={`link-button ${screen.kind === 'quick' ? 'on' : ''}`}
          onClick={() => go({ kind: 'quick' })}
        >
          {t('app.quickConnect')}
        </button>
        <button
          type="button"
          className={`link-button ${screen.kind === 'settings' ? 'on' : ''}`}
          onClick={() => go({ kind: 'settings' })}
        >
          {t('app.settings')}
        </button>
      </div>
    </nav>
  );
}
