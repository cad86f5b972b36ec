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
    'keys.scan': ({ sessionId, ...request }) => service.scan(sessionId, request),
    'keys.cancelScan': async ({ sessionId }) => service.cancelScan(sessionId),
    'keys.status': async ({ sessionId }) => service.status(sessionId),
    'keys.rows': async ({ sessionId, offset, limit, view }) => service.rows(sessionId, offset, limit, view),
    'keys.expand': async ({ sessionId, prefix, expanded }) => service.expand(sessionId, prefix, expanded),
    'keys.meta': ({ sessionId, keys }) => service.meta(sessionId, keys),
    'keys.lookup': ({ sessionId, key }) => service.lookup(sessionId, key),
    'keys.delete': ({ sessionId, keys }) => service.delete(sessionId, keys),
    'keys.rename': ({ sessionId, key, newKey, onlyIfFree }) => service.rename(sessionId, key, newKey, onlyIfFree),
    'keys.expire': ({ sessionId, keys, ttlMs }) => service.expire(sessionId, keys, ttlMs),
    'keys.deleteFolder': async ({ sessionId, prefix }) => service.deleteFolder(sessionId, prefix),
    'keys.cancelJob': async ({ sessionId, jobId }) => service.cancelJob(sessionId, jobId),
  };
}
