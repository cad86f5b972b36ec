import { randomBytes } from 'node:crypto';
import type {
  ImportReport,
  ProfileDraft,
  ProfileParams,
  ProfilesExport,
  ProfilesList,
  ProfileView,
  StorageNotice,
} from '../../../shared/api/profiles';
import { ApiFailure } from '../api/apiFailure';
import type { EventBus } from '../events/eventBus';
import type { SecretCipher } from '../secrets/secretCipher';
import { parseConnectionUrl } from './connectionUrl';
import { copyName, checkPermutation } from './profileListOps';
import { createProfileFile, type Change } from './profileFile';
import { resolveSecrets, sealProfile, settingsOf } from './profileSecrets';
import { buildExport, planImport, readExportEntries } from './profileTransfer';
import { toProfileView } from './profileView';
import { checkReadOnlyChange, stderrLog, writesAllowedLine, type CoreLog } from './readOnlyGuard';
import type { ResolvedProfile } from './resolvedProfile';
import { secretSchemeNotices } from './secretSchemeNotices';
import type { StoredProfile } from './storedProfile';

export interface ProfileService {
  /** Views in the user's order, plus what the store had to say. */
  list(): Promise<ProfilesList>;
  create(params: ProfileParams): Promise<ProfileView>;
  /**
   * Replaces the settings; secrets: `undefined` keeps (for the same destination), `null` clears,
   * a string replaces. Turning read-only off needs `allowWrites` (see readOnlyGuard.ts).
   */
  update(id: string, params: ProfileParams, options?: { allowWrites?: boolean }): Promise<ProfileView>;
  /** A copy named "X (copy)", "X (copy 2)"…, with the same secrets, right after the original. */
  duplicate(id: string): Promise<ProfileView>;
  delete(id: string): Promise<void>;
  /** `ids` must be a permutation of the saved ids. */
  reorder(ids: string[]): Promise<ProfilesList>;
  parseUrl(url: string): Promise<ProfileDraft>;
  /** Without secrets or ids. */
  exportProfiles(ids: string[]): Promise<ProfilesExport>;
  importProfiles(json: string): Promise<ImportReport>;
  /** A saved profile with its secrets decrypted, for a session. */
  resolve(id: string): Promise<ResolvedProfile>;
  /** Unsaved settings (the form) ready to connect; with `id`, secrets left undefined come from that profile. */
  resolveDraft(params: ProfileParams, id?: string): Promise<ResolvedProfile>;
}

export interface ProfileServiceOptions {
  dataDir: string;
  cipher: SecretCipher;
  events: EventBus;
  /** Where deliberate security-relevant changes are logged (read-only turned off); stderr by default. */
  log?: CoreLog;
}

const now = () => new Date().toISOString();
/** A new profile's identity: a random, URL-safe id (16 chars) and its timestamps. */
function newMeta() {
  const at = now();
  return { id: randomBytes(12).toString('base64url'), createdAt: at, updatedAt: at };
}

const notFound = () =>
  new ApiFailure(
    'NOT_FOUND',
    'That connection profile no longer exists (it may have been deleted in another window). Reload the list.',
  );

function indexOf(profiles: readonly StoredProfile[], id: string): number {
  const index = profiles.findIndex((p) => p.id === id);
  if (index < 0) throw notFound();
  return index;
}

function find(profiles: readonly StoredProfile[], id: string): StoredProfile {
  return profiles[indexOf(profiles, id)] as StoredProfile;
}

/** Saved connection profiles: `<dataDir>/profiles.json`, secrets sealed by `cipher`. */
export function createProfileService({
  dataDir,
  cipher,
  events,
  log = stderrLog,
}: ProfileServiceOptions): ProfileService {
  const file = createProfileFile(dataDir);

  /** Applies a change under the file lock; tells every window when something was saved. */
  const mutate = async <T>(change: (profiles: readonly StoredProfile[]) => Change<T>): Promise<T> => {
    let saved = false;
    const result = await file.mutate((profiles) => {
      const outcome = change(profiles);
      saved = outcome.profiles !== undefined;
      return outcome;
    });
    if (saved) events.emit('profiles.changed', { at: Date.now() });
    return result;
  };

  // Views of the file's cached (frozen) list, built once per version of the file.
  const derived = new WeakMap<readonly StoredProfile[], { views: ProfileView[]; notices: StorageNotice[] }>();
  const list = async (): Promise<ProfilesList> => {
    const { profiles, notices } = await file.load();
    let known = derived.get(profiles);
    if (!known) {
      const views = Object.freeze(profiles.map((p) => Object.freeze(toProfileView(p)))) as ProfileView[];
      known = { views, notices: secretSchemeNotices(profiles, cipher) };
      derived.set(profiles, known);
    }
    return { profiles: known.views, notices: [...notices, ...known.notices] };
  };

  return {
    list,

    create: (params) =>
      mutate((profiles) => {
        const created = sealProfile(params, newMeta(), undefined, cipher);
        return { profiles: [...profiles, created], result: toProfileView(created) };
      }),

    update: async (id, params, options = {}) => {
      let turnedOff: StoredProfile | undefined;
      const view = await mutate((profiles) => {
        const index = indexOf(profiles, id);
        const saved = profiles[index] as StoredProfile;
        const turningOff = checkReadOnlyChange(saved, params, options.allowWrites === true);
        const updated = sealProfile(params, { id, createdAt: saved.createdAt, updatedAt: now() }, saved, cipher);
        if (turningOff) turnedOff = updated;
        return { profiles: profiles.with(index, updated), result: toProfileView(updated) };
      });
      if (turnedOff) log(writesAllowedLine(turnedOff, turnedOff.updatedAt));
      return view;
    },

    duplicate: (id) =>
      mutate((profiles) => {
        const index = indexOf(profiles, id);
        const original = profiles[index] as StoredProfile;
        const name = copyName(
          original.name,
          profiles.map((p) => p.name),
        );
        const copy: StoredProfile = { ...structuredClone(original), ...newMeta(), name };
        return { profiles: profiles.toSpliced(index + 1, 0, copy), result: toProfileView(copy) };
      }),

    delete: (id) =>
      mutate((profiles) => {
        const index = indexOf(profiles, id);
        return { profiles: profiles.toSpliced(index, 1), result: undefined };
      }),

    reorder: async (ids) => {
      await mutate((profiles) => {
        checkPermutation(
          ids,
          profiles.map((p) => p.id),
        );
        return { profiles: ids.map((id) => find(profiles, id)), result: undefined };
      });
      return list();
    },

    parseUrl: async (url) => parseConnectionUrl(url),

    exportProfiles: async (ids) => {
      const { profiles } = await file.load();
      return buildExport([...new Set(ids)].map((id) => find(profiles, id)));
    },

    importProfiles: async (json) => {
      const entries = readExportEntries(json);
      return mutate((profiles) => {
        const plan = planImport(entries, profiles);
        const added = plan.add.map((params) => sealProfile(params, newMeta(), undefined, cipher));
        const report = { imported: added.map(toProfileView), duplicates: plan.duplicates, invalid: plan.invalid };
        return { profiles: added.length ? [...profiles, ...added] : undefined, result: report };
      });
    },

    resolve: async (id) => {
      const saved = find((await file.load()).profiles, id);
      return resolveSecrets(settingsOf(saved), saved, cipher);
    },

    resolveDraft: async (params, id) => {
      const saved = id === undefined ? undefined : find((await file.load()).profiles, id);
      return resolveSecrets(params, saved, cipher);
    },
  };
}
