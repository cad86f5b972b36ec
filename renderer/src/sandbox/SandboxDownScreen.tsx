import { useState } from 'react';
import { useNav } from '../nav/navStore';
import { profileAddress, useProfiles } from '../profiles/profilesStore';
import { useSessions } from '../sessions/sessionsStore';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { FormError } from '../ui/fields';
import { isSandboxDown, startSandbox, useSandbox } from './sandboxStore';

/**
 * The sandbox's profile when its sandbox is not running (its processes end with Redlens): start
 * it again for this same profile (new ports), or remove the profile.
 */
export function SandboxDownScreen({ profileId }: { profileId: string }) {
  const profile = useProfiles((s) => s.profiles.find((p) => p.id === profileId));
  const status = useSandbox((s) => s.status);
  const down = useSandbox((s) => isSandboxDown(s, profileId));
  const go = useNav((s) => s.go);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [removing, setRemoving] = useState(false);
  if (!profile) return <p className="hint">This connection no longer exists.</p>;

  const startAgain = async () => {
    setBusy(true);
    setError(undefined);
    const started = await startSandbox();
    setBusy(false);
    if (!started.ok) setError(started.error.message);
    else if (started.sessionId) go({ kind: 'session', sessionId: started.sessionId });
    else setError(useSessions.getState().openErrors[started.profileId]?.message);
  };

  return (
    <section className="panel" aria-labelledby="sandbox-title">
      <header className="panel-header">
        <h1 id="sandbox-title">{profile.name}</h1>
        <p className="panel-sub">{profileAddress(profile)}</p>
      </header>
      <div className="result result-warning" role="alert">
        <h2>{down ? 'The sandbox is not running' : 'The sandbox is running'}</h2>
        <p>
          {down
            ? 'This profile points at the local Sentinel sandbox Redlens started earlier. Its Redis processes stopped when Redlens closed, so nothing listens on these ports any more.'
            : 'It was started again: open the connection.'}
        </p>
        {status && !status.available && <p className="warning">{status.reason}</p>}
        <div className="sandbox-actions">
          <button
            type="button"
            className="primary"
            disabled={busy || (down && !status?.available)}
            onClick={() => void startAgain()}
          >
            {busy ? 'Starting the sandbox…' : down ? 'Start again' : 'Open'}
          </button>
          <button type="button" disabled={busy} onClick={() => setRemoving(true)}>
            Remove
          </button>
        </div>
        <p className="field-hint">
          Start again runs a new sandbox (1 master, 2 replicas, 3 sentinels on free ports of 127.0.0.1, no password) and
          points this profile at it; its data starts empty.
        </p>
        <FormError message={error} />
      </div>
      {removing && (
        <ConfirmDialog
          title="Remove the sandbox profile?"
          message={`“${profile.name}” will be removed from your connections. Nothing else is touched.`}
          confirmLabel="Remove"
          danger
          onCancel={() => setRemoving(false)}
          onConfirm={() => {
            setRemoving(false);
            void useProfiles
              .getState()
              .remove(profile.id)
              .then(() => go({ kind: 'home' }));
          }}
        />
      )}
    </section>
  );
}
