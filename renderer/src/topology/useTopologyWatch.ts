import { useEffect } from 'react';
import type { SessionView } from '../../../shared/api/sessions';
import { profileOwner, useTopology } from './topologyStore';

/**
 * Keeps a Sentinel session's topology watched while the session is open (banners must show on
 * every tab). A failed start is tried again once the session's state changes (e.g. it
 * reconnected), never in a loop.
 */
export function useTopologyWatch(session: SessionView): void {
  const entry = useTopology((s) => s.byOwner[session.id]);
  const watch = useTopology((s) => s.watch);
  const sentinel = session.kind === 'sentinel';
  const status = entry?.status;
  const failedInState = entry?.failedInState;
  useEffect(() => {
    if (!sentinel || session.state === 'closed') return;
    const retry = status === 'error' && !!failedInState && failedInState !== session.state;
    if (status === undefined || retry) void watch(session.id, { sessionState: session.state });
  }, [sentinel, status, failedInState, session.id, session.state, watch]);
}

/**
 * Watches a saved Sentinel profile's deployment without a session, while the view is shown;
 * leaving the view unwatches (core stops the watcher when nobody else uses it).
 */
export function useProfileTopologyWatch(profileId: string): string {
  const owner = profileOwner(profileId);
  useEffect(() => {
    const { watch, forget } = useTopology.getState();
    void watch(owner);
    return () => forget(owner);
  }, [owner]);
  return owner;
}
