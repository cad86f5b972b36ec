import { useEffect, useState, type FormEvent } from 'react';
import { PROFILE_COLORS, type ProfileDraft, type ProfileView } from '../../../../shared/api/profiles';
import { useNav } from '../../nav/navStore';
import { Checkbox, FormError, SelectField, TextField } from '../../ui/fields';
import {
  connectionErrorField,
  EMPTY_PROFILE_FORM,
  fieldInputId,
  formFromDraft,
  formFromView,
  formToInput,
  validationErrors,
  type FormErrors,
  type ProfileForm,
} from '../profileFormModel';
import { useProfiles } from '../profilesStore';
import { AuthFields, ConnectionFields } from './ConnectionFields';
import { PasteUrlBar } from './PasteUrlBar';
import { allowWritesRequired, AllowWritesDialog } from './AllowWritesDialog';
import { secretsRebind } from './secretsRebind';
import { TestReport, type TestState } from './TestReport';
import { AdvancedFields, TlsFields } from './TlsFields';
import { profileCall } from '../profileCalls';

interface ProfileEditorProps {
  profileId?: string;
  draft?: ProfileDraft;
  /** A new profile from a quick connect: its transient profile (core holds the password). */
  quick?: ProfileView;
}

/** Create or edit a connection profile; test it before saving. */
export function ProfileEditor({ profileId, draft, quick }: ProfileEditorProps) {
  const saved = useProfiles((s) => s.profiles.find((p) => p.id === profileId));
  const { create, update } = useProfiles.getState();
  const go = useNav((s) => s.go);
  const [form, setForm] = useState<ProfileForm>(() => {
    const from = saved ?? quick;
    return from ? formFromView(from) : draft ? formFromDraft(draft) : EMPTY_PROFILE_FORM;
  });
  const [errors, setErrors] = useState<FormErrors>({});
  const [test, setTest] = useState<TestState>({ status: 'idle' });
  const [saving, setSaving] = useState(false);
  const [reveal, setReveal] = useState(false);
  /** Saving would turn read-only off: wait for the user to confirm it. */
  const [confirmWrites, setConfirmWrites] = useState(false);
  /** A pasted URL is being parsed: the fields wait for it (see PasteUrlBar). */
  const [applyingUrl, setApplyingUrl] = useState(false);
  // Secrets left empty are kept from the saved profile, or taken from the quick connect (by core).
  const secretSource = saved ?? quick;
  const keptFrom = !saved && quick ? 'quick' : 'saved';
  const rebind = secretsRebind(formToInput(form), secretSource, keptFrom);
  /** The field a failed test points at: focused once its error is shown. */
  const [focusField, setFocusField] = useState<{ field: string }>();
  useEffect(() => {
    const id = focusField && fieldInputId(focusField.field);
    if (id) document.getElementById(id)?.focus();
  }, [focusField]);

  const set = (patch: Partial<ProfileForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    // Editing a field clears its error; the rest stay until the next test/save.
    setErrors((e) =>
      Object.fromEntries(
        Object.entries(e).filter(([k]) => !Object.keys(patch).some((p) => k === p || k.startsWith(`${p}.`))),
      ),
    );
  };

  const runTest = async () => {
    setTest({ status: 'testing' });
    const result = await profileCall('profiles.test', {
      profile: formToInput(form),
      ...(profileId ? { id: profileId } : quick ? { id: quick.id } : {}),
    });
    if (result.ok) {
      setErrors({});
      return setTest({ status: 'ok', report: result.value });
    }
    setTest({ status: 'failed', error: result.error });
    const fieldErrors = validationErrors(result.error);
    if (Object.keys(fieldErrors).length) return setErrors(fieldErrors);
    const field = connectionErrorField(result.error, form.kind);
    setErrors({ [field]: result.error.message });
    setFocusField({ field });
  };

  const submit = async (allowWrites: boolean) => {
    setSaving(true);
    const input = formToInput(form);
    const result = profileId
      ? await update(profileId, input, allowWrites ? { allowWrites: true } : {})
      : await create(input, quick?.id);
    setSaving(false);
    if (!result.ok) {
      // Another window made it read-only meanwhile: ask, as for our own checkbox.
      if (allowWritesRequired(result.error)) return setConfirmWrites(true);
      const fieldErrors = validationErrors(result.error);
      setErrors(Object.keys(fieldErrors).length ? fieldErrors : { form: result.error.message });
      return;
    }
    go({ kind: 'home' });
  };

  const save = (e: FormEvent) => {
    e.preventDefault();
    if (saved?.readOnly && !form.readOnly) return setConfirmWrites(true);
    void submit(false);
  };

  const sectionProps = { form, set, errors, saved: secretSource, secretsKept: rebind.kept, reveal, keptFrom } as const;
  return (
    <section className="panel panel-wide" aria-labelledby="pf-title">
      <header className="panel-header">
        <h1 id="pf-title">
          {saved ? `Edit “${saved.name}”` : quick ? `Save ${quick.name} as a profile` : 'New connection'}
        </h1>
        {quick && !saved && (
          <p className="panel-sub">
            Filled from Quick connect
            {quick.hasPassword ? '; the password typed there is saved encrypted, unless the address changes' : ''}.
          </p>
        )}
      </header>
      <PasteUrlBar
        onDraft={(d) => setForm((f) => formFromDraft(d, f))}
        onApplying={setApplyingUrl}
        autoFocus={!saved}
      />
      <form className="profile-form" onSubmit={save} noValidate aria-busy={applyingUrl || undefined}>
        <fieldset className="profile-form-body" disabled={applyingUrl}>
          <div className="segmented" role="radiogroup" aria-label="Kind">
            {(['standalone', 'sentinel'] as const).map((kind) => (
              <button
                key={kind}
                type="button"
                role="radio"
                aria-checked={form.kind === kind}
                className={form.kind === kind ? 'on' : ''}
                onClick={() => set({ kind })}
              >
                {kind === 'standalone' ? 'Standalone' : 'Sentinel'}
              </button>
            ))}
          </div>
          <div className="row row-3">
            <TextField
              id="pf-name"
              label="Name"
              value={form.name}
              onChange={(name) => set({ name })}
              error={errors['name']}
              placeholder="e.g. Production cache"
            />
            <SelectField
              id="pf-color"
              label="Colour"
              value={form.color}
              options={PROFILE_COLORS.map((c) => ({ value: c, label: c }))}
              onChange={(color) => set({ color })}
            />
            <TextField
              id="pf-group"
              label="Group (optional)"
              value={form.group}
              onChange={(group) => set({ group })}
              error={errors['group']}
            />
          </div>
          <ConnectionFields {...sectionProps} />
          <AuthFields {...sectionProps} />
          {rebind.notice && (
            <p className="banner banner-warning" role="status" id="pf-secrets-rebind">
              {rebind.notice}
            </p>
          )}
          <Checkbox id="pf-reveal" label="Show passwords" checked={reveal} onChange={setReveal} />
          <TlsFields {...sectionProps} />
          <AdvancedFields {...sectionProps} />
          <FormError message={errors['form']} />
          <div className="actions">
            <button type="button" onClick={() => go({ kind: 'home' })}>
              Cancel
            </button>
            <div className="actions-right">
              <button type="button" onClick={() => void runTest()} disabled={test.status === 'testing'}>
                Test connection
              </button>
              <button type="submit" className="primary" disabled={saving}>
                {saving ? 'Saving…' : 'Save'}
              </button>
            </div>
          </div>
        </fieldset>
      </form>
      <TestReport state={test} />
      {confirmWrites && saved && (
        <AllowWritesDialog
          profileName={saved.name}
          onConfirm={() => {
            setConfirmWrites(false);
            void submit(true);
          }}
          onCancel={() => setConfirmWrites(false)}
        />
      )}
    </section>
  );
}
