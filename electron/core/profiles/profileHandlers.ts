import type { Handlers } from '../api/dispatch';
import type { ProfileService } from './profileService';

/** Every `profiles.*` method except `profiles.test` (that one needs the session layer). */
export type ProfileHandlers = Pick<
  Handlers,
  | 'profiles.list'
  | 'profiles.create'
  | 'profiles.update'
  | 'profiles.duplicate'
  | 'profiles.delete'
  | 'profiles.reorder'
  | 'profiles.parseUrl'
  | 'profiles.export'
  | 'profiles.import'
>;

export function profileHandlers(service: ProfileService): ProfileHandlers {
  return {
    'profiles.list': () => service.list(),
    'profiles.create': ({ profile }) => service.create(profile),
    'profiles.update': ({ id, profile, allowWrites }) => service.update(id, profile, { allowWrites }),
    'profiles.duplicate': ({ id }) => service.duplicate(id),
    'profiles.delete': async ({ id }) => {
      await service.delete(id);
      return { id };
    },
    'profiles.reorder': ({ ids }) => service.reorder(ids),
    'profiles.parseUrl': ({ url }) => service.parseUrl(url),
    'profiles.export': ({ ids }) => service.exportProfiles(ids),
    'profiles.import': ({ json }) => service.importProfiles(json),
  };
}
