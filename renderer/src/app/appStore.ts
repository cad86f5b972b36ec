import { create } from 'zustand';
import type { AppVersion } from '../../../shared/api/app';
import type { LinkStatus } from '../transport/linkStatus';
import { api } from '../api/client';

interface AppState {
  link: LinkStatus;
  version: AppVersion | undefined;
  setLink(link: LinkStatus): void;
  loadVersion(): Promise<void>;
}

export const useAppStore = create<AppState>((set) => ({
  link: { kind: 'websocket', state: 'connecting', attempt: 0 },
  version: undefined,
  setLink: (link) => set({ link }),
  loadVersion: async () => {
    const result = await api.call('app.version', {});
    if (result.ok) set({ version: result.value });
  },
}));

/** Text for the link indicator; undefined when everything is fine and nothing needs saying. */
export function linkProblem(link: LinkStatus): string | undefined {
  if (link.state === 'open') return undefined;
  if (link.state === 'connecting') return 'Connecting to the Redlens host…';
  if (link.state === 'unauthorized') {
    return link.token === 'refused'
      ? 'The Redlens host refused this page’s access token (was it restarted?): open the address it printed last.'
      : 'This address needs its access token: open the full address the Redlens host printed (…/#token=…).';
  }
  return `Lost the link to the Redlens host — reconnecting (attempt ${link.attempt})…`;
}
