import type { ProfileView } from '../../../../shared/api/profiles';
import { Checkbox, SelectField, TextField } from '../../ui/fields';
import type { FormErrors, ProfileForm } from '../profileFormModel';
import { SecretField } from './SecretField';

export interface SectionProps {
  form: ProfileForm;
  set(patch: Partial<ProfileForm>): void;
  errors: FormErrors;
  saved?: ProfileView;
  /** The saved secrets still apply (same destination); otherwise they must be typed again. */
  secretsKept: boolean;
  reveal: boolean;
  /** `quick`: `saved` is a quick connect's transient profile (its password is not saved yet). */
  keptFrom?: 'saved' | 'quick';
}

/** Where the server is: host/port, or the sentinels + master name + role. */
export function ConnectionFields({ form, set, errors, saved, secretsKept, reveal }: SectionProps) {
  if (form.kind === 'standalone') {
    return (
      <div className="row row-host">
        <TextField
          id="pf-host"
          label="Host"
          value={form.host}
          onChange={(host) => set({ host })}
          error={errors['host']}
        />
        <TextField
          id="pf-port"
          label="Port"
          inputMode="numeric"
          value={form.port}
          onChange={(port) => set({ port })}
          error={errors['port']}
        />
      </div>
    );
  }
  const setSentinel = (i: number, patch: Partial<{ host: string; port: string }>) =>
    set({ sentinels: form.sentinels.map((s, j) => (j === i ? { ...s, ...patch } : s)) });
  const savedSentinelPassword = secretsKept && saved?.kind === 'sentinel' && saved.hasSentinelPassword;
  return (
    <>
      <fieldset className="sentinels" aria-describedby={errors['sentinels'] ? 'pf-sentinels-error' : undefined}>
        <legend>Sentinels</legend>
        {form.sentinels.map((s, i) => (
          <div className="row row-host sentinel-row" key={i}>
            <TextField
              id={`pf-sentinel-${i}-host`}
              label={`Sentinel ${i + 1} host`}
              value={s.host}
              onChange={(host) => setSentinel(i, { host })}
              error={errors[`sentinels.${i}.host`]}
            />
            <TextField
              id={`pf-sentinel-${i}-port`}
              label="Port"
              inputMode="numeric"
              value={s.port}
              onChange={(port) => setSentinel(i, { port })}
              error={errors[`sentinels.${i}.port`]}
            />
            <button
              type="button"
              className="icon-button"
              aria-label={`Remove sentinel ${i + 1}`}
              disabled={form.sentinels.length === 1}
              onClick={() => set({ sentinels: form.sentinels.filter((_, j) => j !== i) })}
            >
              ×
            </button>
          </div>
        ))}
        <button
          type="button"
          className="link-button"
          onClick={() =>
            set({ sentinels: [...form.sentinels, { host: form.sentinels.at(-1)?.host ?? '127.0.0.1', port: '26379' }] })
          }
        >
          + Add sentinel
        </button>
        {errors['sentinels'] && (
          <p className="field-error" id="pf-sentinels-error" role="alert">
            {errors['sentinels']}
          </p>
        )}
      </fieldset>
      <div className="row">
        <TextField
          id="pf-master"
          label="Master name"
          value={form.masterName}
          onChange={(masterName) => set({ masterName })}
          error={errors['masterName']}
        />
        <SelectField
          id="pf-role"
          label="Connect to"
          value={form.role}
          options={[
            { value: 'master', label: 'Master (read-write)' },
            { value: 'replica', label: 'A replica (read-only)' },
          ]}
          onChange={(role) => set({ role })}
          error={errors['role']}
        />
      </div>
      <div className="row">
        <TextField
          id="pf-sentinel-user"
          label="Sentinel username (optional)"
          value={form.sentinelUsername}
          onChange={(sentinelUsername) => set({ sentinelUsername })}
          error={errors['sentinelUsername']}
        />
        <SecretField
          id="pf-sentinel-password"
          label="Sentinel password (optional)"
          value={form.sentinelPassword}
          onChange={(sentinelPassword) => set({ sentinelPassword })}
          saved={!!savedSentinelPassword}
          clear={form.clearSentinelPassword}
          onClear={(clearSentinelPassword) => set({ clearSentinelPassword })}
          error={errors['sentinelPassword']}
          reveal={reveal}
        />
      </div>
    </>
  );
}

/** Data-node credentials, database and read-only. */
export function AuthFields({ form, set, errors, saved, secretsKept, reveal, keptFrom }: SectionProps) {
  return (
    <>
      <div className="row">
        <TextField
          id="pf-username"
          label={form.kind === 'sentinel' ? 'Data node username (optional)' : 'Username (optional)'}
          value={form.username}
          onChange={(username) => set({ username })}
          error={errors['username']}
          autoComplete="username"
        />
        <SecretField
          id="pf-password"
          label={form.kind === 'sentinel' ? 'Data node password (optional)' : 'Password (optional)'}
          value={form.password}
          onChange={(password) => set({ password })}
          saved={secretsKept && !!saved?.hasPassword}
          clear={form.clearPassword}
          onClear={(clearPassword) => set({ clearPassword })}
          error={errors['password']}
          reveal={reveal}
          keptFrom={keptFrom}
        />
      </div>
      <div className="row row-db">
        <TextField
          id="pf-db"
          label="Database"
          inputMode="numeric"
          value={form.db}
          onChange={(db) => set({ db })}
          error={errors['db']}
        />
        <div className="field field-checkbox">
          <Checkbox
            id="pf-readonly"
            label="Read-only (no writes from Redlens)"
            checked={form.readOnly}
            onChange={(readOnly) => set({ readOnly })}
          />
        </div>
      </div>
    </>
  );
}
