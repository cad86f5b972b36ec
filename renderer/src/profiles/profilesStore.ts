import { create } from 'zustand';
import type { ApiError } from '../../../shared/api/errors';
import type { ImportReport, ProfileInput, ProfileView, StorageNotice } from '../../../shared/api/profiles';
import type { Result } from '../../../shared/api/result';
import { api } from '../api/client';

interface ProfilesState {
  status: 'loading' | 'ready' | 'error';
  profiles: ProfileView[];
  notices: StorageNotice[];
  loadError?: ApiError;
  /** Quick connects saved as a profile (quick id → the profile's id): their tab says so. */
  savedFromQuick: Record<string, string | undefined>;
  load(): Promise<void>;
  /** `fromQuick`: secrets left out come from that quick connect (core holds them). */
  create(profile: ProfileInput, fromQuick?: string): Promise<Result<ProfileView>>;
  /** `allowWrites: true` once the user confirmed turning read-only off. */
  update(id: string, profile: ProfileInput, options?: { allowWrites?: true }): Promise<Result<ProfileView>>;
  duplicate(id: string): Promise<Result<ProfileView>>;
  remove(id: string): Promise<Result<{ id: string }>>;
  /** Moves a profile one place up (-1) or down (+1). */
  move(id: string, delta: -1 | 1): Promise<void>;
  importJson(json: string): Promise<Result<ImportReport>>;
}

export const useProfiles = create<ProfilesState>((set, get) => {
  const reloadAfter = async <T>(call: Promise<Result<T>>): Promise<Result<T>> => {
    const result = await call;
    await get().load();
    return result;
  };
  return {
    status: 'loading',
    profiles: [],
    notices: [],
    savedFromQuick: {},
    load: async () => {
      const result = await api.call('profiles.list', {});
      if (result.ok)
        set({ status: 'ready', profiles: result.value.profiles, notices: result.value.notices, loadError: undefined });
      else set({ status: 'error', loadError: result.error });
    },
    create: async (profile, fromQuick) => {
      const result = await reloadAfter(api.call('profiles.create', { profile, ...(fromQuick ? { fromQuick } : {}) }));
      if (result.ok && fromQuick)
        set((s) => ({ savedFromQuick: { ...s.savedFromQuick, [fromQuick]: result.value.id } }));
      return result;
    },
    update: (id, profile, options = {}) => reloadAfter(api.call('profiles.update', { id, profile, ...options })),
    duplicate: (id) => reloadAfter(api.call('profiles.duplicate', { id })),
    remove: (id) => reloadAfter(api.call('profiles.delete', { id })),
    move: async (id, delta) => {
      const ids = get().profiles.map((p) => p.id);
      const from = ids.indexOf(id);
      const to = from + delta;
      if (from < 0 || to < 0 || to >= ids.length) return;
      ids.splice(to, 0, ...ids.splice(from, 1));
      const result = await api.call('profiles.reorder', { ids });
      if (result.ok) set({ profiles: result.value.profiles, notices: result.value.notices });
    },
    importJson: (json) => reloadAfter(api.call('profiles.import', { json })),
  };
});

/** Profiles grouped for the sidebar, keeping the user's order inside and between groups. */
export function groupProfiles(profiles: ProfileView[]): { group: string | undefined; profiles: ProfileView[] }[] {
  const groups = new Map<string | undefined, ProfileView[]>();
  for (const p of profiles) {
    const key = p.group?.trim() || undefined;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  return [...groups].map(([group, list]) => ({ group, profiles: list }));
}

export const profileAddress = (p: ProfileView): string =>
  p.kind === 'standalone'
    ? `${p.host}:${p.port}`
    : `${p.masterName} @ ${p.sentinels.map((s) => `${s.host}:${s.port}`).join(', ')}`;
