import { useNav } from '../nav/navStore';
import { ERROR_TITLES } from '../ui/errorTitles';
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
          Could not load the saved connections: {loadError?.message}
        </p>
      )}
      {status === 'loading' ? (
        <p className="status-line" role="status">
          <span className="spinner" aria-hidden="true" /> Loading connections…
        </p>
      ) : profiles.length === 0 ? (
        <div className="welcome">
          <h1 id="home-title">Welcome to Redlens</h1>
          <p className="panel-sub">Save a connection once, open it with a click. Passwords are stored encrypted.</p>
          <div className="welcome-actions">
            <button type="button" className="primary" onClick={() => go({ kind: 'edit' })}>
              New connection
            </button>
            <button type="button" onClick={() => go({ kind: 'edit' })}>
              Paste URL
            </button>
            <SandboxButton />
            <button type="button" onClick={() => go({ kind: 'quick' })}>
              Quick connect
            </button>
          </div>
          <ImportExport />
        </div>
      ) : (
        <>
          <header className="panel-header panel-header-row">
            <h1 id="home-title">Connections</h1>
            <button type="button" className="primary" onClick={() => go({ kind: 'edit' })}>
              New connection
            </button>
          </header>
          <ul className="profile-cards" aria-label="Saved connections">
            {profiles.map((p) => (
              <li key={p.id} className={`profile-card color-${p.color}`}>
                <div>
                  <span className="card-name">{p.name}</span>
                  <span className="card-kind">{p.kind === 'sentinel' ? `Sentinel · ${p.role}` : 'Standalone'}</span>
                  {p.readOnly && <span className="badge">read-only</span>}
                  <div className="card-address">{profileAddress(p)}</div>
                  {openErrors[p.id] && (
                    <p className="field-error" role="alert">
                      {ERROR_TITLES[openErrors[p.id]!.code]}: {openErrors[p.id]!.message}{' '}
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => go({ kind: 'edit', profileId: p.id })}
                      >
                        Edit connection
                      </button>
                      {p.kind === 'sentinel' && (
                        <>
                          {' · '}
                          <button
                            type="button"
                            className="link-button"
                            aria-label={`View the topology of ${p.name}`}
                            onClick={() => go({ kind: 'topology', profileId: p.id })}
                          >
                            View topology
                          </button>
                        </>
                      )}
                    </p>
                  )}
                </div>
                <button
                  type="button"
                  onClick={() => void connect(p.id)}
                  aria-label={`Connect to ${p.name}`}
                  disabled={opening[p.id]}
                >
                  {opening[p.id] ? 'Connecting…' : openErrors[p.id] ? 'Retry' : 'Connect'}
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
