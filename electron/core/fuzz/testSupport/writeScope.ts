import type { KeyBytes } from '../../../../shared/api/keys';
import { keyBytesToLatin1 } from '../../keys/keyBytes';

/** The keys a call may change in the db it names (as 'latin1' strings), from its validated params. */
export type WriteScope = (key: string) => boolean;

type Params = Record<string, unknown>;

const latin1 = (key: unknown) => keyBytesToLatin1(key as KeyBytes);
const stagingKey = (params: Params) => `redlens:upload:${String(params['uploadId'])}`;
const oneOf =
  (...keys: string[]): WriteScope =>
  (key) =>
    keys.includes(key);

/** What `method` is allowed to change, given its params; nothing for reads. */
export function writeScope(method: string, params: Params): WriteScope {
  switch (method) {
    case 'keys.delete':
    case 'keys.expire':
      return oneOf(...(params['keys'] as unknown[]).map(latin1));
    case 'keys.rename':
      return oneOf(latin1(params['key']), latin1(params['newKey']));
    case 'keys.deleteFolder': {
      const prefix = latin1(params['prefix']);
      return (key) => key.startsWith(prefix);
    }
    case 'values.mset':
      return oneOf(...(params['pairs'] as { key: unknown }[]).map((pair) => latin1(pair.key)));
    case 'values.string.upload':
    case 'values.string.abortUpload':
      return oneOf(stagingKey(params));
    case 'values.string.commitUpload':
      return oneOf(latin1(params['key']), stagingKey(params));
    case 'values.string.set':
    case 'values.hash.setField':
    case 'values.hash.renameField':
    case 'values.hash.deleteFields':
    case 'values.hash.create':
      return oneOf(latin1(params['key']));
    default:
      return () => false;
  }
}
