// Test data for the session unit tests: a ready Sentinel session, changed as each test needs.
import type { SessionView } from '../../../../shared/api/sessions';

export const view = (change: Partial<SessionView>): SessionView => ({
  id: 's1',
  profileId: 'p1',
  profileName: 'HA',
  kind: 'sentinel',
  readOnly: false,
  db: 0,
  state: 'ready',
  address: '127.0.0.1:6379',
  ...change,
});
