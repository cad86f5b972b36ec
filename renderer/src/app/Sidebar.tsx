import { useQuickConnect } from '../connect/quickConnectStore';
import { linkProblem, useAppStore } from './appStore';

/** Brand, version, the link to core, and servers reached in this session. */
export function Sidebar() {
  const version = useAppStore((s) => s.version);
  const link = useAppStore((s) => s.link);
  const recent = useQuickConnect((s) => s.recent);
  const fillFrom = useQuickConnect((s) => s.fillFrom);
  const problem = linkProblem(link);

  return (
    <nav className="sidebar" aria-label="Redlens">
      <div className="brand">
        <span className="logo" aria-hidden="true">
          ◆
        </span>
        <span className="name">Redlens</span>
        <span className="version" data-testid="app-version">
          {version ? `v${version.version}` : ''}
        </span>
      </div>
      <p className={`link-state ${problem ? 'link-bad' : 'link-ok'}`} role="status">
        {problem ?? (link.kind === 'ipc' ? 'Desktop app' : `Web host · ${window.location.host}`)}
      </p>
      <h2 className="side-heading" id="recent-heading">
        Recent servers
      </h2>
      {recent.length === 0 ? (
        <p className="side-empty">Servers you reach appear here.</p>
      ) : (
        <ul className="recent" aria-labelledby="recent-heading">
          {recent.map((r) => (
            <li key={`${r.username}@${r.host}:${r.port}`}>
              <button type="button" onClick={() => fillFrom(r)} title="Fill the form with this server">
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
      )}
    </nav>
  );
}
