// Helpers for the key-browser integration tests: a session manager over in-memory profiles,
// the key service on the same event bus, and every `keys.scan` and `keys.job` event recorded.
import type { KeyJobStatus, ScanStatusEvent } from '../../../../shared/api/keys';
import { EventBus } from '../../events/eventBus';
import { ApiFailure } from '../../api/apiFailure';
import type { ResolvedProfile } from '../../profiles/resolvedProfile';
import { createSessionManager } from '../../sessions/sessionManager';
import { createKeyService } from '../keyService';

export function keyTestbed() {
  const events = new EventBus();
  const profiles = new Map<string, ResolvedProfile>();
  const scanEvents: ScanStatusEvent[] = [];
  const jobEvents: KeyJobStatus[] = [];
  events.on('keys.scan', (payload) => scanEvents.push(payload));
  events.on('keys.job', (payload) => jobEvents.push(payload));
  const sessions = createSessionManager({
    events,
    resolveProfile: async (id) => {
      const profile = profiles.get(id);
      if (!profile) throw new ApiFailure('NOT_FOUND', `No profile ${id}`);
      return profile;
    },
  });
  const service = createKeyService({ events, sessions });
  return {
    events,
    profiles,
    sessions,
    service,
    eventsOf: (sessionId: string) => scanEvents.filter((e) => e.sessionId === sessionId),
    jobEventsOf: (jobId: string) => jobEvents.filter((e) => e.jobId === jobId),
    async dispose() {
      service.dispose();
      await sessions.closeAll();
    },
  };
}
