import type { ProfileParams, ProfileView } from '../../../shared/api/profiles';
import type { ProfileSettings } from './resolvedProfile';

/**
 * What a view is built from: a profile's settings, id and timestamps, and its secrets in any
 * form (sealed when stored, plain for a quick connect): the view only says whether each is set.
 */
export type ProfileViewSource = ProfileSettings & {
  id: string;
  createdAt: string;
  updatedAt: string;
  password?: unknown;
  sentinelPassword?: unknown;
  tls: Omit<ProfileParams['tls'], 'keyPassphrase'> & { keyPassphrase?: unknown };
};

/**
 * What the UI may see of a profile (saved or quick). Built field by field (never by spreading
 * the stored object) so a secret added to storage later cannot leak by accident.
 */
export function toProfileView(p: ProfileViewSource): ProfileView {
  const common = {
    id: p.id,
    name: p.name,
    color: p.color,
    group: p.group,
    readOnly: p.readOnly,
    connectTimeoutMs: p.connectTimeoutMs,
    keyDelimiter: p.keyDelimiter,
    scanCount: p.scanCount,
    db: p.db,
    username: p.username,
    hasPassword: p.password !== undefined,
    tls: {
      enabled: p.tls.enabled,
      caFile: p.tls.caFile,
      certFile: p.tls.certFile,
      keyFile: p.tls.keyFile,
      serverName: p.tls.serverName,
      verify: p.tls.verify,
      hasKeyPassphrase: p.tls.keyPassphrase !== undefined,
    },
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
  if (p.kind === 'standalone') return { ...common, kind: 'standalone', host: p.host, port: p.port };
  return {
    ...common,
    kind: 'sentinel',
    sentinels: p.sentinels.map(({ host, port }) => ({ host, port })),
    masterName: p.masterName,
    sentinelUsername: p.sentinelUsername,
    hasSentinelPassword: p.sentinelPassword !== undefined,
    role: p.role,
  };
}
