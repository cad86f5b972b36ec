import { useState } from 'react';
import { useNav } from '../nav/navStore';
import { startSandbox, useSandbox } from './sandboxStore';
import { FormError } from '../ui/fields';

/** Offered only where redis-server is installed: a real local Sentinel deployment, one click. */
export function SandboxButton() {
  const available = useSandbox((s) => !!s.status?.available);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  if (!available) return null;

  const start = async () => {
    setBusy(true);
    setError(undefined);
    const started = await startSandbox();
    setBusy(false);
    if (!started.ok) setError(started.error.message);
    else if (started.sessionId) useNav.getState().go({ kind: 'session', sessionId: started.sessionId });
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
