import { create } from 'zustand';
import type { ApiError } from '../../../shared/api/errors';
import type { SandboxStatus } from '../../../shared/api/sandbox';
import { api } from '../api/client';
import { useProfiles } from '../profiles/profilesStore';
import { useSessions } from '../sessions/sessionsStore';

interface SandboxState {
  /** What core says about the local sandbox; undefined until loaded. */
  status: SandboxStatus | undefined;
  load(): Promise<void>;
}

export const useSandbox = create<SandboxState>((set) => ({
  status: undefined,
  load: async () => {
    const result = await api.call('sandbox.status', {});
    if (result.ok) set({ status: result.value });
  },
}));

/** The profile is the sandbox's and its sandbox is not running (e.g. after a restart). */
export const isSandboxDown = (s: Pick<SandboxState, 'status'>, profileId: string): boolean =>
  s.status?.profileId === profileId && !s.status.running;

/**
 * Starts the local sandbox (again) and opens a session on its profile — the welcome screen's
 * button and the sandbox-down screen's Start again. The profiles and the sandbox's status are read
 * again first, so the new ports show. `sessionId` is undefined when the session did not open (its
 * error is in `useSessions`' openErrors of `profileId`).
 */
export async function startSandbox(): Promise<
  { ok: true; profileId: string; sessionId: string | undefined } | { ok: false; error: ApiError }
> {
  const result = await api.call('sandbox.start', {});
  if (!result.ok) return { ok: false, error: result.error };
  const profileId = result.value.profile.id;
  await Promise.all([useProfiles.getState().load(), useSandbox.getState().load()]);
  return { ok: true, profileId, sessionId: await useSessions.getState().open(profileId) };
}
