import { randomBytes } from 'node:crypto';
import type { ProfileParams, ProfileView } from '../../../shared/api/profiles';
import { StandaloneProfileInputSchema } from '../../../shared/api/profiles';
import { secretRebindReason } from '../../../shared/api/secretBinding';
import { ApiFailure } from '../api/apiFailure';
import type { EventBus } from '../events/eventBus';
import { toProfileView } from '../profiles/profileView';
import type { ResolvedProfile } from '../profiles/resolvedProfile';

/** What quick connect typed: the server, its credentials, and whether writes are refused. */
export interface QuickTarget {
  host: string;
  port: number;
  username?: string;
  password?: string;
  readOnly: boolean;
}

type QuickProfile = Extract<ResolvedProfile, { kind: 'standalone' }> & { quick: true };

/** Quick connects without an open session kept for a later Browse / Save (oldest dropped first). */
const MAX_IDLE = 8;
/** Session states remembered (a session that failed to open never sends `closed`). */
const MAX_STATES = 200;
const PREFIX = 'quick:';

/** Quick ids never look like saved ids (those are base64url, without `:`). */
export const isQuickId = (id: string | undefined): id is string => !!id?.startsWith(PREFIX);

const gone = () =>
  new ApiFailure(
    'NOT_FOUND',
    'This quick connection is no longer held by Redlens (its session was closed): connect again from Quick connect.',
  );

export interface QuickProfiles {
  /** Keeps the settings (password included) in memory only; answers the quick id. */
  add(target: QuickTarget): string;
  /** The transient profile for a session (NOT_FOUND once dropped). */
  resolve(id: string): ResolvedProfile;
  view(id: string): ProfileView;
  /**
   * `params` with secrets it leaves out taken from the quick connect — only if `params` connects
   * to that same server (the rule saved secrets follow, see secretBinding.ts).
   */
  secretsFor(params: ProfileParams, id: string): ProfileParams;
  dispose(): void;
}

/**
 * Transient profiles behind quick connect: never written to disk, never sent to the renderer
 * with their secret. One is dropped when its session closes (a failed session's close keeps it
 * for a retry), or when too many idle ones pile up.
 */
export function createQuickProfiles(options: { events: EventBus; inUse(id: string): boolean }): QuickProfiles {
  const profiles = new Map<string, { profile: QuickProfile; at: string }>();
  /** The last state of each quick session (the `closed` event does not say what came before). */
  const states = new Map<string, string>();

  const get = (id: string) => {
    const entry = profiles.get(id);
    if (!entry) throw gone();
    return entry;
  };

  const dropIdle = () => {
    const idle = [...profiles.keys()].filter((id) => !options.inUse(id));
    for (const id of idle.slice(0, Math.max(0, idle.length - MAX_IDLE))) profiles.delete(id);
  };

  const off = options.events.on('session.state', ({ session }) => {
    if (!isQuickId(session.profileId)) return;
    if (session.state !== 'closed') {
      states.delete(session.id);
      states.set(session.id, session.state);
      if (states.size > MAX_STATES) states.delete(states.keys().next().value!);
      return;
    }
    const before = states.get(session.id);
    states.delete(session.id);
    if (before !== 'failed' && !options.inUse(session.profileId)) profiles.delete(session.profileId);
  });

  return {
    add(target) {
      const id = `${PREFIX}${randomBytes(12).toString('base64url')}`;
      const params = StandaloneProfileInputSchema.parse({
        kind: 'standalone',
        name: `${target.host}:${target.port}`,
        color: 'gray',
        host: target.host,
        port: target.port,
        readOnly: target.readOnly,
        ...(target.username ? { username: target.username } : {}),
      });
      const profile: QuickProfile = {
        ...params,
        password: target.password || undefined,
        tls: { ...params.tls, keyPassphrase: undefined },
        quick: true,
      };
      profiles.set(id, { profile, at: new Date().toISOString() });
      dropIdle();
      return id;
    },

    resolve: (id) => get(id).profile,

    view(id) {
      const { profile, at } = get(id);
      return toProfileView({ ...profile, id, createdAt: at, updatedAt: at });
    },

    secretsFor(params, id) {
      // Typed (or cleared) in the form: nothing to take, even once the quick connect is gone.
      if (params.password !== undefined) return params;
      const { profile } = get(id);
      return secretRebindReason(params, profile) === undefined ? { ...params, password: profile.password } : params;
    },

    dispose() {
      off();
      profiles.clear();
      states.clear();
    },
  };
}
