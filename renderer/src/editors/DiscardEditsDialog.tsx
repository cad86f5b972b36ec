import { useTranslation } from 'react-i18next';
import { useId } from 'react';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { draftId, editName, type EditPlace } from './drafts';

/** Names listed before "…and N more". */
const SHOWN = 8;

/**
 * Asks before unsaved edits are thrown away (closing a tab or the window, switching the
 * database), naming them. Cancel keeps every edit; confirming discards them and goes on.
 */
export function DiscardEditsDialog({
  title,
  edits,
  confirmLabel,
  label = editName,
  onConfirm,
  onCancel,
}: {
  title: string;
  edits: EditPlace[];
  confirmLabel: string;
  /** How an edit is named (e.g. with its db or its session); the key (and field) by default. */
  label?(edit: EditPlace): string;
  onConfirm(): void;
  onCancel(): void;
}) {
  const caption = useId();
  const { t } = useTranslation();
  const message = t('drafts.willBeLost', { count: edits.length });
  return (
    <ConfirmDialog
      title={title}
      message={message}
      confirmLabel={confirmLabel}
      danger
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p id={caption} className="name-list-caption">
        {t('drafts.unsavedEdits')}
      </p>
      <ul className="name-list" aria-labelledby={caption}>
        {edits.slice(0, SHOWN).map((edit) => (
          <li key={draftId(edit)}>{label(edit)}</li>
        ))}
        {edits.length > SHOWN && (
          <li className="name-list-more">{t('drafts.more', { count: edits.length - SHOWN })}</li>
        )}
      </ul>
    </ConfirmDialog>
  );
}
