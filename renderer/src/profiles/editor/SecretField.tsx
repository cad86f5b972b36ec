import { Checkbox, TextField } from '../../ui/fields';

interface SecretFieldProps {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  /** A secret is saved for this profile: leaving the field empty keeps it. */
  saved: boolean;
  clear: boolean;
  onClear(clear: boolean): void;
  error?: string;
  reveal: boolean;
  /** Where a kept secret comes from: the saved profile, or what was typed in quick connect. */
  keptFrom?: 'saved' | 'quick';
}

const KEPT = {
  saved: { placeholder: 'saved — leave empty to keep', clear: 'Remove the saved password' },
  quick: { placeholder: 'typed in Quick connect — leave empty to keep', clear: 'Do not save this password' },
};

/** A password field that never shows the saved secret; keeping or clearing it is explicit. */
export function SecretField(props: SecretFieldProps) {
  const { id, label, value, onChange, saved, clear, onClear, error, reveal, keptFrom = 'saved' } = props;
  return (
    <div className="secret-field">
      <TextField
        id={id}
        label={label}
        type={reveal ? 'text' : 'password'}
        value={value}
        onChange={onChange}
        autoComplete="new-password"
        placeholder={saved && !clear ? KEPT[keptFrom].placeholder : ''}
        error={error}
      />
      {saved && !value && (
        <Checkbox id={`${id}-clear`} label={KEPT[keptFrom].clear} checked={clear} onChange={onClear} />
      )}
    </div>
  );
}
