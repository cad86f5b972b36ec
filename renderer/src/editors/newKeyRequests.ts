import { create } from 'zustand';

/** Ctrl+N inside a session asks for New key (app/shortcuts.ts); the session's ValueTools takes the request. */
interface NewKeyRequests {
  /** The session whose key browser should open New key (it may have to mount first). */
  newKeyFor?: string;
  ask(sessionId: string): void;
  /** True (once) if New key was asked for this session. */
  take(sessionId: string): boolean;
}

export const useNewKeyRequests = create<NewKeyRequests>((set, get) => ({
  ask: (sessionId) => set({ newKeyFor: sessionId }),
  take: (sessionId) => {
    if (get().newKeyFor !== sessionId) return false;
    set({ newKeyFor: undefined });
    return true;
  },
}));
