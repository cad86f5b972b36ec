import { useTranslation } from 'react-i18next';
import { useWritePause } from '../sessions/sessionsStore';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { BulkDeleteDialog } from './BulkDeleteDialog';
import type { KeyCommand } from './keyCommands';
import { displayKey } from '../ui/keyText';
import { useKeys } from './keysStore';
import { RenameDialog } from './RenameDialog';
import { SelectionTtlDialog, TtlDialog } from './TtlDialog';

/** The commands that open a dialog. */
export type KeyDialog = Extract<
  KeyCommand,
  { kind: 'rename' | 'ttl' | 'deleteKey' | 'deleteFolder' | 'deleteSelection' | 'ttlSelection' }
>;

export interface Notice {
  text: string;
  error?: boolean;
}

/** The open dialog of the key browser, if any; what it did is reported through `onNotice`. */
export function KeyDialogs({
  sessionId,
  dialog,
  onClose,
  onNotice,
}: {
  sessionId: string;
  dialog: KeyDialog | undefined;
  onClose(): void;
  onNotice(notice: Notice): void;
}) {
  const { remove, deleteFolder } = useKeys.getState();
  const paused = useWritePause(sessionId);
  const { t } = useTranslation();
  const failed = (what: string) => (e: { message: string } | undefined) => {
    if (e) onNotice({ text: t('keys.dialogs.failed', { what, message: e.message }), error: true });
  };
  switch (dialog?.kind) {
    case undefined:
      return null;
    case 'rename':
      return (
        <RenameDialog
          sessionId={sessionId}
          keyBytes={dialog.key}
          onClose={onClose}
          onDone={(text) => onNotice({ text })}
        />
      );
    case 'ttl':
      return (
        <TtlDialog
          sessionId={sessionId}
          keyBytes={dialog.key}
          onClose={onClose}
          onDone={(text) => onNotice({ text })}
        />
      );
    case 'deleteSelection':
      return <BulkDeleteDialog sessionId={sessionId} onClose={onClose} />;
    case 'ttlSelection':
      return <SelectionTtlDialog sessionId={sessionId} onClose={onClose} />;
    case 'deleteKey':
      return (
        <ConfirmDialog
          title={t('keys.dialogs.deleteKeyTitle')}
          message={t('keys.dialogs.deleteKeyMessage', { name: displayKey(dialog.key) })}
          confirmLabel={t('keys.dialogs.delete')}
          danger
          paused={paused}
          onCancel={onClose}
          onConfirm={() => {
            onClose();
            void remove(sessionId, [dialog.key]).then(failed(t('keys.dialogs.deleteKeyFailed')));
          }}
        />
      );
    case 'deleteFolder': {
      const { prefix, count } = dialog.row;
      return (
        <ConfirmDialog
          title={t('keys.dialogs.deleteFolderTitle')}
          message={t('keys.dialogs.deleteFolderMessage', { count, prefix: displayKey(prefix) })}
          confirmLabel={t('keys.dialogs.deleteKeys', { count })}
          danger
          paused={paused}
          onCancel={onClose}
          onConfirm={() => {
            onClose();
            void deleteFolder(sessionId, prefix).then(failed(t('keys.dialogs.deleteFolderFailed')));
          }}
        />
      );
    }
  }
}
