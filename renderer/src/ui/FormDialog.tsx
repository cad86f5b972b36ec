import { useTranslation } from 'react-i18next';
import { useId, useRef, type FormEvent, type ReactNode } from 'react';
import { WritesPaused } from './WritesPaused';
import { useModalDialog } from './useModalDialog';

interface FormDialogProps {
  title: string;
  children: ReactNode;
  /** The submit button; omitted for a dialog that can only be closed (e.g. an error). */
  submitLabel?: string;
  danger?: boolean;
  /** A call is running: the submit button waits. */
  busy?: boolean;
  canSubmit?: boolean;
  /** Why the submit (a write) cannot go now; what was typed stays until it can. */
  paused?: string;
  cancelLabel?: string;
  onSubmit?(): void;
  onCancel(): void;
}

/**
 * A modal form on the native <dialog> (focus trap and Escape for free): Enter submits, the
 * first field (or Cancel, when there is none) has the focus. Errors stay inside, nothing typed
 * is lost.
 */
export function FormDialog({
  title,
  children,
  submitLabel,
  danger,
  busy,
  canSubmit = true,
  paused,
  cancelLabel,
  onSubmit,
  onCancel,
}: FormDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { t } = useTranslation();
  useModalDialog(ref);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!busy && canSubmit && !paused) onSubmit?.();
  };
  return (
    <dialog
      ref={ref}
      className="dialog form-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <form onSubmit={submit}>
        <h2 id={titleId}>{title}</h2>
        <div className="form-dialog-body">{children}</div>
        {submitLabel && <WritesPaused reason={paused} />}
        <div className="dialog-actions">
          <button type="button" onClick={onCancel}>
            {cancelLabel ?? t('common.cancel')}
          </button>
          {submitLabel && (
            <button type="submit" className={danger ? 'danger' : 'primary'} disabled={busy || !canSubmit || !!paused}>
              {submitLabel}
            </button>
          )}
        </div>
      </form>
    </dialog>
  );
}
