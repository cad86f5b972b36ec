import type { ApiError } from '../../../../shared/api/errors';
import { ConfirmDialog } from '../../ui/ConfirmDialog';

/** Core refused to turn read-only off without the user's confirmation (see readOnlyGuard.ts). */
export const allowWritesRequired = (error: ApiError): boolean =>
  error.code === 'READ_ONLY' &&
  error.details !== undefined &&
  'reason' in error.details &&
  error.details.reason === 'ALLOW_WRITES_REQUIRED';

/** Turning read-only off is deliberate: the user confirms it, naming the profile. */
export function AllowWritesDialog({
  profileName,
  onConfirm,
  onCancel,
}: {
  profileName: string;
  onConfirm(): void;
  onCancel(): void;
}) {
  return (
    <ConfirmDialog
      title={`Allow writes to “${profileName}”?`}
      message={`“${profileName}” is read-only. Turning that off lets Redlens change and delete data on this server. Read-only guards against mistakes in Redlens; it does not stop anyone who has the password from writing with other tools.`}
      confirmLabel="Allow writes"
      danger
      onConfirm={onConfirm}
      onCancel={onCancel}
    />
  );
}
