import { create } from 'zustand';
import type { ProfileDraft } from '../../../shared/api/profiles';

/** What the main area shows. */
export type Screen =
  | { kind: 'home' }
  | { kind: 'quick' }
  | { kind: 'edit'; profileId?: string; draft?: ProfileDraft }
  | { kind: 'session'; sessionId: string };

interface NavState {
  screen: Screen;
  go(screen: Screen): void;
}

export const useNav = create<NavState>((set) => ({
  screen: { kind: 'home' },
  go: (screen) => set({ screen }),
}));
