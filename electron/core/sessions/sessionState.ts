import type { ApiError } from '../../../shared/api/errors';
import type { SessionView } from '../../../shared/api/sessions';
import type { ResolvedProfile } from '../profiles/resolvedProfile';

/** What happened to a session; `nextView` turns it into the view the UI gets. */
export type SessionChange =
  | { state: 'connecting' }
  | { state: 'ready'; address: string; clusterNode?: boolean }
  | { state: 'reconnecting'; attempt: number; error: ApiError; noMaster?: boolean }
  | { state: 'failed'; error: ApiError }
  | { state: 'closed' }
  | { state: 'db'; db: number };

/** A replica-role session browses a replica: never writable, whatever the profile says. */
const isReadOnly = (profile: ResolvedProfile): boolean =>
  profile.readOnly || (profile.kind === 'sentinel' && profile.role === 'replica');

export function initialView(id: string, profileId: string, profile: ResolvedProfile): SessionView {
  return {
    id,
    profileId,
    profileName: profile.name,
    kind: profile.kind,
    readOnly: isReadOnly(profile),
    db: profile.db,
    state: 'connecting',
    ...(profile.quick && { quick: true }),
  };
}

/**
 * The next view: `attempt`, `error` and `noMaster` only while they describe the current state;
 * the last known `address` stays while reconnecting (it says where the session was).
 */
export function nextView(view: SessionView, change: SessionChange): SessionView {
  const { attempt: _attempt, error: _error, noMaster: _noMaster, ...base } = view;
  switch (change.state) {
    case 'db':
      return { ...view, db: change.db };
    case 'ready':
      // clusterNode is said once, on the first ready; later views keep it (base).
      return { ...base, state: 'ready', address: change.address, ...(change.clusterNode && { clusterNode: true }) };
    case 'reconnecting':
      return {
        ...base,
        state: 'reconnecting',
        attempt: change.attempt,
        error: change.error,
        ...(change.noMaster && { noMaster: true }),
      };
    case 'failed':
      return { ...base, state: 'failed', error: change.error };
    case 'connecting':
    case 'closed':
      return { ...base, state: change.state };
  }
}
