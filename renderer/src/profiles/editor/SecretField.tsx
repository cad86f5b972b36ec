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
}

/** A password field that never shows the saved secret; keeping or clearing it is explicit. */
export function SecretField({ id, label, value, onChange, saved, clear, onClear, error, reveal }: SecretFieldProps) {
  return (
    <div className="secret-field">
      <TextField
        id={id}
        label={label}
        type={reveal ? 'text' : 'password'}
        value={value}
        onChange={onChange}
        autoComplete="new-password"
        placeholder={saved && !clear ? 'saved — leave empty to keep' : ''}
        error={error}
      />
      {saved && !value && (
        <Checkbox id={`${id}-clear`} label="Remove the saved password" checked={clear} onChange={onClear} />
      )}
    </div>
  );
}
