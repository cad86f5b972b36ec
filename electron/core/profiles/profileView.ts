import type { ProfileView } from '../../../shared/api/profiles';
import type { StoredProfile } from './storedProfile';

/**
 * What the UI may see of a saved profile. Built field by field (never by spreading the stored
 * object) so a secret added to storage later cannot leak by accident.
 */
export function toProfileView(p: StoredProfile): ProfileView {
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
