import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { useNav } from '../nav/navStore';
import { useSessions } from '../sessions/sessionsStore';
import { useProfiles } from '../profiles/profilesStore';
import { FormError } from '../ui/fields';

/** Offered only where redis-server is installed: a real local Sentinel deployment, one click. */
export function SandboxButton() {
  const [available, setAvailable] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  useEffect(() => {
    void api.call('sandbox.status', {}).then((r) => setAvailable(r.ok && r.value.available));
  }, []);
  if (!available) return null;

  const start = async () => {
    setBusy(true);
    setError(undefined);
    const result = await api.call('sandbox.start', {});
    if (!result.ok) {
      setBusy(false);
      return setError(result.error.message);
    }
    await useProfiles.getState().load();
    const sessionId = await useSessions.getState().open(result.value.profile.id);
    setBusy(false);
    if (sessionId) useNav.getState().go({ kind: 'session', sessionId });
  };

  return (
    <>
      <button type="button" onClick={() => void start()} disabled={busy} aria-describedby="sandbox-hint">
        {busy ? 'Starting the sandbox…' : 'Start a local Sentinel sandbox'}
      </button>
      {/* Said where it is started: its nodes have no password (core binds them to loopback). */}
      <p className="field-hint" id="sandbox-hint">
        Listens on 127.0.0.1 only, without a password — for local experiments.
      </p>
      <FormError message={error} />
    </>
  );
}
