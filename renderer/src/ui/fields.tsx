import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';

interface BaseProps {
  id: string;
  label: string;
  error?: string;
  hint?: ReactNode;
  className?: string;
}

const describedBy = (id: string, error?: string, hint?: ReactNode) =>
  [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;

function FieldFoot({ id, error, hint }: Pick<BaseProps, 'id' | 'error' | 'hint'>) {
  return (
    <>
      {hint && !error && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </>
  );
}

interface TextFieldProps extends BaseProps {
  value: string;
  onChange(value: string): void;
  type?: 'text' | 'password';
  placeholder?: string;
  inputMode?: 'numeric' | 'text';
  autoComplete?: string;
  autoFocus?: boolean;
}

/** A labelled text input with its error (or hint) right under it. */
export function TextField(p: TextFieldProps) {
  return (
    <div className={`field ${p.className ?? ''}`}>
      <label htmlFor={p.id}>{p.label}</label>
      <input
        id={p.id}
        type={p.type ?? 'text'}
        value={p.value}
        placeholder={p.placeholder}
        inputMode={p.inputMode}
        autoComplete={p.autoComplete ?? 'off'}
        autoFocus={p.autoFocus}
        spellCheck={false}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={describedBy(p.id, p.error, p.hint)}
        onChange={(e) => p.onChange(e.target.value)}
      />
      <FieldFoot id={p.id} error={p.error} hint={p.hint} />
    </div>
  );
}

interface CheckboxProps {
  id: string;
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
}

export function Checkbox({ id, label, checked, onChange }: CheckboxProps) {
  return (
    <label className="checkbox" htmlFor={id}>
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}

/** The option of every dialog that types bytes: read `\xNN`-style escapes in the text as bytes. */
export function EscapesCheckbox(p: Omit<CheckboxProps, 'label'>) {
  const { t } = useTranslation();
  return <Checkbox id={p.id} label={t('common.escapes')} checked={p.checked} onChange={p.onChange} />;
}

/** A form's own error (one not tied to a single field), announced when it appears. */
export function FormError({ message }: { message?: string }) {
  return message ? (
    <p className="field-error" role="alert">
      {message}
    </p>
  ) : null;
}

interface SelectFieldProps<T extends string> extends BaseProps {
  value: T;
  options: readonly { value: T; label: string }[];
  onChange(value: T): void;
}

export function SelectField<T extends string>(p: SelectFieldProps<T>) {
  return (
    <div className={`field ${p.className ?? ''}`}>
      <label htmlFor={p.id}>{p.label}</label>
      <select
        id={p.id}
        value={p.value}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={describedBy(p.id, p.error, p.hint)}
        onChange={(e) => p.onChange(e.target.value as T)}
      >
        {p.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldFoot id={p.id} error={p.error} hint={p.hint} />
    </div>
  );
}
