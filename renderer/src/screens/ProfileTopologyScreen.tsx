import { useNav } from '../nav/navStore';
import { useProfiles } from '../profiles/profilesStore';
import { useSessions } from '../sessions/sessionsStore';
import { errorTitle } from '../ui/errorTitles';
import { FailoverBanners } from '../topology/FailoverBanners';
import { TopologyPanel } from '../topology/TopologyPanel';
import { useProfileTopologyWatch } from '../topology/useTopologyWatch';

/**
 * A Sentinel profile's live topology without a data session: what the SRE needs when the
 * first connect fails (master down, no master known) — only the sentinels are asked. Leaving
 * the screen stops the watch.
 */
export function ProfileTopologyScreen({ profileId }: { profileId: string }) {
  const ownerId = useProfileTopologyWatch(profileId);
  const profile = useProfiles((s) => s.profiles.find((p) => p.id === profileId));
  const loading = useProfiles((s) => s.status === 'loading');
  const openError = useSessions((s) => s.openErrors[profileId]);
  const opening = useSessions((s) => !!s.opening[profileId]);
  // A live session of the profile (not one that failed to open) can be gone back to.
  const connectedId = useSessions((s) =>
    s.order.find((id) => s.sessions[id]?.profileId === profileId && s.sessions[id]?.state !== 'failed'),
  );
  const open = useSessions((s) => s.open);
  const go = useNav((s) => s.go);

  if (!profile) {
    return <p className="hint">{loading ? 'Loading connections…' : 'This connection no longer exists.'}</p>;
  }
  const connect = async () => {
    const id = await open(profileId);
    if (id) go({ kind: 'session', sessionId: id });
  };
  return (
    <section className="panel panel-session" aria-labelledby="profile-topology-title">
      <header className="panel-header panel-header-row">
        <h1 id="profile-topology-title">{profile.name} — topology</h1>
        {connectedId ? (
          <button type="button" onClick={() => go({ kind: 'session', sessionId: connectedId })}>
            Open session
          </button>
        ) : (
          <button type="button" className="primary" disabled={opening} onClick={() => void connect()}>
            {opening ? 'Connecting…' : 'Connect'}
          </button>
        )}
      </header>
      <p className="status-line" role="status">
        Watching the sentinels only — no data connection{connectedId ? ' from this view' : ''}.
      </p>
      {openError && (
        <p className="banner banner-error" role="alert">
          <strong>{errorTitle(openError.code)}</strong> — the last connect failed: {openError.message}
        </p>
      )}
      <FailoverBanners ownerId={ownerId} />
      <TopologyPanel ownerId={ownerId} />
    </section>
  );
}
