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

  return (
    <nav className="sidebar" aria-label="Redlens">
      <button type="button" className="brand" onClick={() => go({ kind: 'home' })} aria-label="Redlens home">
        <span className="logo" aria-hidden="true">
          ◆
        </span>
        <span className="name">Redlens</span>
        <span className="version" data-testid="app-version">
          {version ? `v${version.version}` : ''}
        </span>
      </button>
      <p className={`link-state ${problem ? 'link-bad' : 'link-ok'}`} role="status">
        {problem ?? (link.kind === 'ipc' ? 'Desktop app' : `Web host · ${window.location.host}`)}
      </p>
      <div className="side-heading-row">
        <h2 className="side-heading">Connections</h2>
        <button
          type="button"
          className="icon-button"
          aria-label="New connection (Ctrl+N)"
          title="New connection (Ctrl+N)"
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
          Quick connect
        </button>
      </div>
    </nav>
  );
}
