import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { validateForm, type FieldErrors, type FormError, type QuickConnectForm } from './quickConnectForm';
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
  error: FormError | undefined;
}

/** Redis's own name for the user a connection without a username logs in as. */
const ACL_DEFAULT_USER = 'default';

/** A form field bound to the quick-connect store; errors show once the field was left. */
function Field({ id, error, ...rest }: FieldProps) {
  const { t } = useTranslation();
  const value = useQuickConnect((s) => s.form[id]);
  const setField = useQuickConnect((s) => s.setField);
  const touch = useQuickConnect((s) => s.touch);
  return (
    <div onBlur={() => touch(id)} className={`field-wrap field-${id}`}>
      <TextField
        id={`qc-${id}`}
        value={value}
        onChange={(v) => setField(id, v)}
        error={error && t(`connect.formErrors.${error}`)}
        {...rest}
      />
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
  const { t } = useTranslation();
  const errors = useMemo(() => {
    const all = validateForm(form);
    return (Object.keys(all) as (keyof QuickConnectForm)[]).reduce<FieldErrors>(
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
        <h1 id="qc-title">{t('connect.title')}</h1>
        <p className="panel-sub">{t('connect.sub')}</p>
      </header>
      <form className="qc-form" onSubmit={onSubmit} noValidate>
        <div className="row row-host">
          <Field id="host" label={t('connect.host')} placeholder="127.0.0.1" error={errors.host} />
          <Field id="port" label={t('connect.port')} inputMode="numeric" placeholder="6379" error={errors.port} />
        </div>
        <div className="row">
          <Field
            id="username"
            label={t('connect.username')}
            placeholder={ACL_DEFAULT_USER}
            autoComplete="username"
            error={errors.username}
          />
          <Field
            id="password"
            label={t('connect.password')}
            type={showPassword ? 'text' : 'password'}
            autoComplete="current-password"
            error={errors.password}
          />
        </div>
        <div className="actions">
          <div className="qc-checks">
            <label className="checkbox">
              <input type="checkbox" checked={showPassword} onChange={(e) => setShowPassword(e.target.checked)} />
              {t('connect.showPassword')}
            </label>
            <label className="checkbox">
              <input type="checkbox" checked={readOnly} onChange={(e) => setReadOnly(e.target.checked)} />
              {t('connect.readOnly')}
            </label>
          </div>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('session.connecting') : t('connect.connect')}
          </button>
        </div>
      </form>
      <ConnectOutcome />
      <RecentServers />
    </section>
  );
}
