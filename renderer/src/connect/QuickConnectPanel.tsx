import { useMemo, useState, type FormEvent } from 'react';
import { validateForm, type QuickConnectForm } from './quickConnectForm';
import { useQuickConnect } from './quickConnectStore';
import { TextField } from '../ui/fields';
import { ConnectOutcome } from './ConnectOutcome';
import { RecentServers } from './RecentServers';

interface FieldProps {
  id: keyof QuickConnectForm;
  label: string;
  type?: 'text' | 'password';
  placeholder?: string;
  autoComplete?: string;
  inputMode?: 'numeric' | 'text';
  error: string | undefined;
}

/** A form field bound to the quick-connect store; errors show once the field was left. */
function Field({ id, ...rest }: FieldProps) {
  const value = useQuickConnect((s) => s.form[id]);
  const setField = useQuickConnect((s) => s.setField);
  const touch = useQuickConnect((s) => s.touch);
  return (
    <div onBlur={() => touch(id)} className={`field-wrap field-${id}`}>
      <TextField id={`qc-${id}`} value={value} onChange={(v) => setField(id, v)} {...rest} />
    </div>
  );
}

/** Connect to one server without saving anything: version, mode and role, or the exact error. */
export function QuickConnectPanel() {
  const form = useQuickConnect((s) => s.form);
  const touched = useQuickConnect((s) => s.touched);
  const busy = useQuickConnect((s) => s.outcome.status === 'connecting');
  const connect = useQuickConnect((s) => s.connect);
  const readOnly = useQuickConnect((s) => s.readOnly);
  const setReadOnly = useQuickConnect((s) => s.setReadOnly);
  const [showPassword, setShowPassword] = useState(false);
  const errors = useMemo(() => {
    const all = validateForm(form);
    return (Object.keys(all) as (keyof QuickConnectForm)[]).reduce<Partial<Record<keyof QuickConnectForm, string>>>(
      (acc, k) => (touched[k] ? { ...acc, [k]: all[k] } : acc),
      {},
    );
  }, [form, touched]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!busy) void connect();
  };

  return (
    <section className="panel" aria-labelledby="qc-title">
      <header className="panel-header">
        <h1 id="qc-title">Quick connect</h1>
        <p className="panel-sub">Reach a Redis server without saving a profile, then browse it or save it.</p>
      </header>
      <form className="qc-form" onSubmit={onSubmit} noValidate>
        <div className="row row-host">
          <Field id="host" label="Host" placeholder="127.0.0.1" error={errors.host} />
          <Field id="port" label="Port" inputMode="numeric" placeholder="6379" error={errors.port} />
        </div>
        <div className="row">
          <Field
            id="username"
            label="Username (optional)"
            placeholder="default"
            autoComplete="username"
            error={errors.username}
          />
          <Field
            id="password"
            label="Password (optional)"
            type={showPassword ? 'text' : 'password'}
            autoComplete="current-password"
            error={errors.password}
          />
        </div>
        <div className="actions">
          <div className="qc-checks">
            <label className="checkbox">
              <input type="checkbox" checked={showPassword} onChange={(e) => setShowPassword(e.target.checked)} />
              Show password
            </label>
            <label className="checkbox">
              <input type="checkbox" checked={readOnly} onChange={(e) => setReadOnly(e.target.checked)} />
              Read-only (no writes from Redlens)
            </label>
          </div>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Connecting…' : 'Connect'}
          </button>
        </div>
      </form>
      <ConnectOutcome />
      <RecentServers />
    </section>
  );
}
