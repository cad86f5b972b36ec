import { create } from 'zustand';
import type { ProfileDraft, ProfileView } from '../../../shared/api/profiles';

/** What the main area shows. */
export type Screen =
  | { kind: 'home' }
  | { kind: 'quick' }
  /** `quick`: a new profile from a quick connect (its transient profile, without secrets). */
  | { kind: 'edit'; profileId?: string; draft?: ProfileDraft; quick?: ProfileView }
  | { kind: 'session'; sessionId: string }
  /** A Sentinel profile's live topology without a session (e.g. its first connect failed). */
  | { kind: 'topology'; profileId: string }
  /** The sandbox's profile while its sandbox is not running (e.g. after a restart). */
  | { kind: 'sandbox'; profileId: string }
  | { kind: 'settings' };

interface NavState {
  screen: Screen;
  go(screen: Screen): void;
}

export const useNav = create<NavState>((set) => ({
  screen: { kind: 'home' },
  go: (screen) => set({ screen }),
}));
