import { useWritePause } from '../sessions/sessionsStore';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { countOf } from '../ui/format';
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
  const failed = (what: string) => (e: { message: string } | undefined) => {
    if (e) onNotice({ text: `${what}: ${e.message}`, error: true });
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
          title="Delete key?"
          message={`“${displayKey(dialog.key)}” will be deleted from the server. This cannot be undone.`}
          confirmLabel="Delete"
          danger
          paused={paused}
          onCancel={onClose}
          onConfirm={() => {
            onClose();
            void remove(sessionId, [dialog.key]).then(failed('Could not delete the key'));
          }}
        />
      );
    case 'deleteFolder': {
      const { prefix, count } = dialog.row;
      return (
        <ConfirmDialog
          title="Delete folder?"
          message={`All ${countOf(count, 'key')} under “${displayKey(prefix)}” will be deleted from the server — every key whose name starts with it, including keys not loaded in the tree (UNLINK in batches; you can cancel). This cannot be undone.`}
          confirmLabel={`Delete ${countOf(count, 'key')}`}
          danger
          paused={paused}
          onCancel={onClose}
          onConfirm={() => {
            onClose();
            void deleteFolder(sessionId, prefix).then(failed('Could not delete the folder'));
          }}
        />
      );
    }
  }
}
