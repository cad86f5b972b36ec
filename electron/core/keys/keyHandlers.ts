import type { Handlers } from '../api/dispatch';
import type { KeyService } from './keyService';

type KeyMethod =
  | 'keys.scan'
  | 'keys.cancelScan'
  | 'keys.status'
  | 'keys.rows'
  | 'keys.expand'
  | 'keys.meta'
  | 'keys.lookup'
  | 'keys.delete'
  | 'keys.rename'
  | 'keys.expire'
  | 'keys.deleteFolder'
  | 'keys.cancelJob';

/** The `keys.*` API methods, over the key service. */
export function keyHandlers(service: KeyService): Pick<Handlers, KeyMethod> {
  return {
    'keys.scan': ({ sessionId, db, ...request }) => service.scan(sessionId, db, request),
    'keys.cancelScan': async ({ sessionId, db }) => service.cancelScan(sessionId, db),
    'keys.status': async ({ sessionId, db }) => service.status(sessionId, db),
    'keys.rows': async ({ sessionId, db, offset, limit, view }) => service.rows(sessionId, db, offset, limit, view),
    'keys.expand': async ({ sessionId, db, prefix, expanded }) => service.expand(sessionId, db, prefix, expanded),
    'keys.meta': ({ sessionId, db, keys }) => service.meta(sessionId, db, keys),
    'keys.lookup': ({ sessionId, db, key }) => service.lookup(sessionId, db, key),
    'keys.delete': ({ sessionId, db, keys }) => service.delete(sessionId, db, keys),
    'keys.rename': ({ sessionId, db, key, newKey, onlyIfFree }) =>
      service.rename(sessionId, db, key, newKey, onlyIfFree),
    'keys.expire': ({ sessionId, db, keys, ttlMs }) => service.expire(sessionId, db, keys, ttlMs),
    'keys.deleteFolder': async ({ sessionId, db, prefix }) => service.deleteFolder(sessionId, db, prefix),
    'keys.cancelJob': async ({ sessionId, jobId }) => service.cancelJob(sessionId, jobId),
  };
}
