import type { SessionGoneDetails, SessionView } from '../../../shared/api/sessions';
import { ApiFailure } from '../api/apiFailure';

/** How many ended sessions are remembered for naming them in errors (oldest forgotten first). */
const REMEMBERED = 200;

/**
 * Sessions that failed to open or were closed, by id: what the user knows them by (profile,
 * server), so a late call for one is refused by name, never by its internal id.
 */
export class EndedSessions {
  readonly #byId = new Map<string, SessionGoneDetails>();

  /** `tried`: the server it was connecting to, when the view has no address yet. */
  add(view: SessionView, tried?: string): void {
    const { profileId, profileName } = view;
    const address = view.address ?? tried;
    this.#byId.set(view.id, address ? { profileId, profileName, address } : { profileId, profileName });
    if (this.#byId.size > REMEMBERED) this.#byId.delete(this.#byId.keys().next().value!);
  }

  get(sessionId: string): SessionGoneDetails | undefined {
    return this.#byId.get(sessionId);
  }
}

/** NOT_FOUND for a session that is not open (details: whose it was, when known). */
export function sessionGone(known: SessionGoneDetails | undefined): ApiFailure {
  const where = known ? ` of “${known.profileName}”${known.address ? ` (${known.address})` : ''}` : '';
  return new ApiFailure(
    'NOT_FOUND',
    `The session${where} is no longer open: it failed or was closed. Open the connection again.`,
    { session: known ?? {} },
  );
}
