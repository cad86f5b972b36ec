import { create } from 'zustand';
import type { SandboxStatus } from '../../../shared/api/sandbox';
import { api } from '../api/client';

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
