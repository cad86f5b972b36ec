import { useTranslation } from 'react-i18next';
import { useRef, type ReactNode } from 'react';
import { WritesPaused } from './WritesPaused';
import { useModalDialog } from './useModalDialog';

interface ConfirmDialogProps {
  title: string;
  message: string;
  confirmLabel: string;
  danger?: boolean;
  /** Why the confirmed action (a write) cannot go now: the confirm button waits. */
  paused?: string;
  onConfirm(): void;
  onCancel(): void;
  /** What the confirmation is about, shown below the message (e.g. a list of names). */
  children?: ReactNode;
}

/** A modal confirmation on the native <dialog> (focus trap and Escape come for free). */
export function ConfirmDialog({
  title,
  message,
  confirmLabel,
  danger,
  paused,
  onConfirm,
  onCancel,
  children,
}: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const { t } = useTranslation();
  useModalDialog(ref);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="confirm-title"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id="confirm-title">{title}</h2>
      <p>{message}</p>
      {children}
      <WritesPaused reason={paused} />
      <div className="dialog-actions">
        <button type="button" onClick={onCancel} autoFocus>
          {t('common.cancel')}
        </button>
        <button type="button" className={danger ? 'danger' : 'primary'} disabled={!!paused} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
